"""`begroting scenario`: scenarios side by side with the basis, sensitivity, rijksmiddelen."""
