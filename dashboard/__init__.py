"""China–ASEAN digital-economy cooperation dashboard: curated data, charts, exports, app."""
