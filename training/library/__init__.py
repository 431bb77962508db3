"""Training the fact-check library's re-ranker."""
