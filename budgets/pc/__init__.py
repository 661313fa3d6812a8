"""What the quarterly report and the settlement share: the year's begroting and its wijzigingen."""
