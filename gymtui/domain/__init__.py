"""The training domain: models and rules. Nothing here imports Textual or TinyDB."""
