"""Training the claim scorers: the debate classifiers, the news scorer, the encoder heads."""
