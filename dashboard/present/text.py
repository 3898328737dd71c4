"""Data text made safe to show: what a curator wrote renders as the literal text, never as markup.

(Values from the address bar are checked in `web/links.py`; this is for the data's own words.)
"""

from __future__ import annotations

_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$"


def escape_markdown(text: str) -> str:
    """Data text shown through st.markdown renders as the literal text, never as links or markup."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))
