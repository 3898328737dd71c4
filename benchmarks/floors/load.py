"""Floor for the load test (benchmarks/load.py): one multiselect of the dashboard's countries and
the Connectivity page's three figures, ready-made, drawn with the same Streamlit calls and nothing
else. The figures file is named by $FLOOR_FIGURES."""

import json
import os

import plotly.io as pio
import streamlit as st


@st.cache_resource
def exhibits(path: str):
    with open(path, encoding="utf-8") as fh:
        saved = json.load(fh)
    return saved["options"], [pio.from_json(spec) for spec in saved["figures"]]


options, figures = exhibits(os.environ["FLOOR_FIGURES"])
st.multiselect("Countries", options, key="country")
for i, fig in enumerate(figures):
    st.plotly_chart(fig, theme=None, key=f"fig-{i}")
