"""The bestuursrapportage (quarterly report)."""
