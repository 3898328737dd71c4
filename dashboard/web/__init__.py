"""The web layer: the Streamlit router and pages, the shared state, sidebar and exhibit, the HTTP
export routes and the caches they share. The only layer that imports Streamlit or Starlette."""
