"""The year-end settlement per gemeente."""
