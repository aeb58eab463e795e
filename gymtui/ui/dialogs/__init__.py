"""Modal dialogs shared by screens, each with its CSS beside it."""
