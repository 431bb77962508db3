"""Packages and package data; everything else is in pyproject.toml.

The claim model, the scales and the sample article stay in the top-level
``resources/`` and ``seeds/`` folders (their source of truth: other work trains
and adds files there). The build maps them into the package as
``workbench.resources`` and ``workbench.seeds``, with every file they hold, so a
wheel carries them and the code finds them with ``importlib.resources``. An
editable install maps the same names onto the same folders.

Each sub-folder is listed as a (namespace) package, as setuptools asks for
folders it could import; the files themselves are package data, taken by glob
when the wheel is built.
"""

from setuptools import find_namespace_packages, find_packages, setup

DATA_PACKAGES = {"workbench.resources": "resources", "workbench.seeds": "seeds"}
NOT_DATA = ["__pycache__/*", "**/__pycache__/*", "*.pyc", "**/*.pyc"]

packages = find_packages(include=["workbench", "workbench.*"])
for name, folder in DATA_PACKAGES.items():
    subfolders = find_namespace_packages(where=folder, exclude=["__pycache__", "*.__pycache__"])
    packages += [name] + [f"{name}.{sub}" for sub in subfolders]

setup(
    packages=packages,
    package_dir=DATA_PACKAGES,
    package_data={name: ["**/*"] for name in DATA_PACKAGES},
    exclude_package_data={name: NOT_DATA for name in DATA_PACKAGES},
)
