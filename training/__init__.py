"""How the shipped models are made: training code, kept out of the app.

Not part of the wheel or the app bundle (``setup.py`` packages ``workbench`` only):
the app loads the models in ``resources/`` and never imports this package. Run from
the repository's root, with the development environment, e.g.

    .venv/bin/python -m training.nlp.train          # resources/claim_model/ (debate classifiers)
    .venv/bin/python -m training.nlp.train_news     # resources/claim_model/news.json
    .venv/bin/python -m training.nlp.train_encoder  # resources/claim_model/encoder.json
    .venv/bin/python -m training.nlp.news_cv        # cross-validated news figures
    .venv/bin/python -m training.library.train      # resources/matching/ranker.json

The data is read from ``../shared/data/`` at run time and never copied here.
"""
