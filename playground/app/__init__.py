"""Everything that imports Streamlit: router helpers, sidebar, pages, i18n."""
