"""The presentation layer: the interface's words (i18n and its locale catalogues), formatting,
theme, chart builders, what each page draws (views) and exports. Imports `data`, never `web`."""
