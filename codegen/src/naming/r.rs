//! paws-style R names (PLACEHOLDER: the R target issue fills this in).
