"""Workshops: exercise packs, participants' files compared, their work merged. No Qt here.

``exercise`` makes and describes exercise files, ``collect`` reads participants'
files and matches their claims, ``agreement`` holds the coefficients, ``compare``
builds the trainer's comparison, ``report`` writes it as HTML and ``merge`` brings
participants' evidence and rationales into a curation project.
"""
