"""The data layer: schema, problems, loading, cross-file checks, the checked snapshot, frames and
derived series, the model of one data version, and the World Bank importer. No presentation, no
Streamlit: the command line and the tests use it bare."""
