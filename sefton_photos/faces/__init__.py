"""Face detection and matching (R11, R13).  face_recognition is imported lazily."""
