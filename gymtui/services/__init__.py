"""Use cases that join the domain rules, the library and the store. No Textual here."""
