//! Names: candidate runs of capitalised words, what kind of name each is, and
//! which real-world person, organisation or place it refers to.

pub mod candidates;
