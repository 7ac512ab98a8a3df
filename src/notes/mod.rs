//! Notes: highlights and notes anchored to an article's clean text, their store and export.
