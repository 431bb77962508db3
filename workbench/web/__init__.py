"""The web, read one way: one fetcher, one charset rule, one page reader.

``fetch.get`` downloads (the one HTTP policy: timeouts and a whole-fetch deadline,
redirects checked and limited, no cookies, a size cap after decompression, one-line
errors), ``decode.decode_page`` turns a page's bytes into text, ``page.read_page``
gives its title and the text a reader sees. Evidence capture (``workbench.evidence``)
and article import (``workbench.io``) both use them. Imports only ``workbench.core``.
"""
