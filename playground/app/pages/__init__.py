"""The pages: one module per page, each with `render()`. Pages never import each other; they
link through `playground.app.navigation`, and only the router (streamlit_app.py) imports them."""
