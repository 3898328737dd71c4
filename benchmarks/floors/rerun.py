"""Floor for a page rerun: the page's own exhibits, ready-made (its charts as Plotly specs and its
tables as the Arrow streams the page sent), drawn with the same Streamlit calls and nothing else.
The exhibits file is named by $FLOOR_EXHIBITS (set by benchmarks/measures/rerun.py)."""

import json
import os

import plotly.io as pio
import pyarrow as pa
import streamlit as st


@st.cache_resource
def exhibits(path: str):
    with open(path, encoding="utf-8") as fh:
        saved = json.load(fh)
    figures = [pio.from_json(spec) for spec in saved["figures"]]
    tables = [pa.ipc.open_stream(bytes.fromhex(data)).read_all() for data in saved["tables"]]
    return figures, tables


st.multiselect("Countries", ["VNM", "THA", "IDN", "CHN", "MYS", "SGP", "PHL"], key="country")
figures, tables = exhibits(os.environ["FLOOR_EXHIBITS"])
for i, fig in enumerate(figures):
    st.plotly_chart(fig, theme=None, key=f"fig-{i}")
for table in tables:
    st.dataframe(table, hide_index=True)
