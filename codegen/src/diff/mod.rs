//! Semantic diff of two models (PLACEHOLDER: the sync issue replaces this).
