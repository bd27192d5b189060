"""``get_current_url`` against Werkzeug's on plain URLs: lower-case hosts,
ports, paths and queries of characters that need no quoting or decoding (the
pure twin returns those without ``quote`` and ``uri_to_iri``), and their
near misses (upper case, ``%``, ``xn--``, a leading-zero port, ``#``)."""

from __future__ import annotations

import string
import types

import werkzeug.sansio.utils
from hypothesis import given, settings
from hypothesis import strategies as st

from support import outcome

SAFE = string.ascii_letters + string.digits + "_.-~!$&'()*+,/:;=@"
label = st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=5)
host = st.builds(
    lambda labels, port: ".".join(labels) + port,
    st.lists(label | st.sampled_from(["xn--n3h", "Example", "a_b"]), min_size=1, max_size=3),
    st.sampled_from(["", ":1", ":80", ":8080", ":9999", ":65535", ":080", ":0"]),
)
path_text = st.text(SAFE + "%#?\xe9", max_size=12)
query = st.text(SAFE + "?%#", max_size=10).map(str.encode)


@settings(max_examples=150)
@given(
    scheme=st.sampled_from(["http", "https", "ws", "wss", "HTTP", "ftp"]),
    host=host,
    root_path=st.none() | path_text,
    path=st.none() | path_text,
    query_string=query,
)
def test_plain_urls_match_werkzeug(
    twin: types.ModuleType,
    scheme: str,
    host: str,
    root_path: str | None,
    path: str | None,
    query_string: bytes,
) -> None:
    args = (scheme, host, root_path, path, query_string)
    ours = outcome(lambda: twin.sansio.utils.get_current_url(*args))
    assert ours == outcome(lambda: werkzeug.sansio.utils.get_current_url(*args))
