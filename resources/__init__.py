"""The data the workbench ships: the claim model, the verdict scales (and more).

This folder is installed as the package ``workbench.resources`` (see setup.py);
the code reaches it through ``workbench.paths.RESOURCES``. Any file put here is
shipped in the wheel and the app bundle.
"""
