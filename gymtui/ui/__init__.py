"""The Textual app. Screens are thin: they call services and the store from workers."""
