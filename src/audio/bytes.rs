//! Bounds-checked reads of integers from byte slices, for the parsers.

/// `N` bytes at `at`, if the slice has them.
pub(super) fn array<const N: usize>(b: &[u8], at: usize) -> Option<[u8; N]> {
    let end = at.checked_add(N)?;
    b.get(at..end)?.try_into().ok()
}

/// A big-endian `u16` at `at`.
pub(super) fn be16(b: &[u8], at: usize) -> Option<u16> {
    array(b, at).map(u16::from_be_bytes)
}

/// A big-endian `u32` at `at`.
pub(super) fn be32(b: &[u8], at: usize) -> Option<u32> {
    array(b, at).map(u32::from_be_bytes)
}

/// A big-endian `u64` at `at`.
pub(super) fn be64(b: &[u8], at: usize) -> Option<u64> {
    array(b, at).map(u64::from_be_bytes)
}

/// A little-endian `u16` at `at`.
pub(super) fn le16(b: &[u8], at: usize) -> Option<u16> {
    array(b, at).map(u16::from_le_bytes)
}

/// A little-endian `u32` at `at`.
pub(super) fn le32(b: &[u8], at: usize) -> Option<u32> {
    array(b, at).map(u32::from_le_bytes)
}

/// A little-endian `u64` at `at`.
pub(super) fn le64(b: &[u8], at: usize) -> Option<u64> {
    array(b, at).map(u64::from_le_bytes)
}

/// Whether `b` has `magic` at `at`.
pub(super) fn has(b: &[u8], at: usize, magic: &[u8]) -> bool {
    at.checked_add(magic.len())
        .and_then(|end| b.get(at..end))
        .is_some_and(|s| s == magic)
}
