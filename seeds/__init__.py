"""The sample article, installed as the package ``workbench.seeds`` (see setup.py);
the code reaches it through ``workbench.paths.SEEDS`` and ``paths.SEED_ARTICLE``."""
