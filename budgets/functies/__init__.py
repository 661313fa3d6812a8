"""The catalogue of the Excel functions, their reference docs and the Lite bundle."""
