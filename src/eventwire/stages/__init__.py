"""The stages of the coder, one module each; every stage registers itself in `pipeline.registry`.

Default order: parse, mentions, references, triggers, arguments, modality,
sentence_dedup, coding, dates, places, dedup.
"""
