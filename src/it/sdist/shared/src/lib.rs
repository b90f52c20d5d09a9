pub const SCALE: i64 = 1;
