"""Small reusable widgets shared by the dialogs and pages."""
