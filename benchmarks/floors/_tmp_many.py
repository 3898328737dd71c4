import json, os
import plotly.io as pio
import streamlit as st

@st.cache_resource
def exhibits(path):
    with open(path, encoding="utf-8") as fh:
        saved = json.load(fh)
    return saved["options"], [pio.from_json(spec) for spec in saved["figures"]]

options, figures = exhibits(os.environ["FLOOR_FIGURES"])
st.multiselect("Countries", options, key="country")
for i in range(int(os.environ.get("EXTRA", "0"))):
    st.markdown(f"Some text {i}")
for i, fig in enumerate(figures):
    st.plotly_chart(fig, theme=None, key=f"fig-{i}")
