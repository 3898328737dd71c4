"""Floor for a filter change in the browser: one selectbox and the Connectivity page's charts for
each choice, ready-made. The variants file is named by $FLOOR_VARIANTS."""

import json
import os

import plotly.io as pio
import streamlit as st


@st.cache_resource
def variants(path: str):
    with open(path, encoding="utf-8") as fh:
        specs = json.load(fh)
    return {option: [pio.from_json(s) for s in figs] for option, figs in specs.items()}


charts = variants(os.environ["FLOOR_VARIANTS"])
choice = st.selectbox("Country", list(charts), key="choice")
for i, fig in enumerate(charts[choice]):
    st.plotly_chart(fig, theme=None, key=f"fig-{i}")
