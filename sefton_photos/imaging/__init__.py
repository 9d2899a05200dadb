"""Reading images safely and making the small copies the app shows and analyses.

Only an allowlist of formats is ever opened, pixel counts are capped before any
pixel is decoded, and everything happens in memory: no decrypted image touches
the disk (R8, policy 5.5.4.9).
"""
