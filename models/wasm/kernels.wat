;; Dot-product kernels over a row-major f32 matrix, four lanes at a time (WebAssembly SIMD).
;; All pointers are byte offsets into the exported memory; dim must be a multiple of 4.
(module
  (memory (export "memory") 1)

  ;; out[i] = dot(row i, q) for the n rows starting at mat
  (func (export "dotAll") (param $mat i32) (param $n i32) (param $dim i32) (param $q i32) (param $out i32)
    (local $i i32)
    (local $row i32)
    (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $dim) (i32.const 2)))
    (local.set $row (local.get $mat))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (f32.store
          (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
          (call $dotRow (local.get $row) (local.get $q) (local.get $rowBytes)))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; out[k] = dot(row idx[k], q) for k < count; idx holds u32 row numbers
  (func (export "dotSome") (param $mat i32) (param $dim i32) (param $idx i32) (param $count i32) (param $q i32) (param $out i32)
    (local $k i32)
    (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $dim) (i32.const 2)))
    (block $done
      (loop $items
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (f32.store
          (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2)))
          (call $dotRow
            (i32.add (local.get $mat)
              (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $k) (i32.const 2))))
                       (local.get $rowBytes)))
            (local.get $q)
            (local.get $rowBytes)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $items))))

  (func $dotRow (param $row i32) (param $q i32) (param $bytes i32) (result f32)
    (local $j i32)
    (local $acc v128)
    (block $done
      (loop $cols
        (br_if $done (i32.ge_u (local.get $j) (local.get $bytes)))
        (local.set $acc
          (f32x4.add (local.get $acc)
            (f32x4.mul (v128.load (i32.add (local.get $row) (local.get $j)))
                       (v128.load (i32.add (local.get $q) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $cols)))
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
      (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))

  ;; Quantised scans: rows are i8 (dim a multiple of 8) with one f32 scale per row; the query is i16.
  ;; out[i] = scale[i] * qScale * Σ_j row_i[j] * q[j], the sum exact in i32 (|Σ| ≤ dim·127·32767 < 2^31 for dim ≤ 512)
  (func (export "dotAllI8") (param $mat i32) (param $scale i32) (param $n i32) (param $dim i32) (param $q i32) (param $qScale f32) (param $out i32)
    (local $i i32)
    (local $row i32)
    (local.set $row (local.get $mat))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (f32.store
          (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
          (f32.mul
            (f32.mul (local.get $qScale) (f32.load (i32.add (local.get $scale) (i32.shl (local.get $i) (i32.const 2)))))
            (f32.convert_i32_s (call $dotRowI8 (local.get $row) (local.get $q) (local.get $dim)))))
        (local.set $row (i32.add (local.get $row) (local.get $dim)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; out[k] for the rows listed in idx, as dotAllI8
  (func (export "dotSomeI8") (param $mat i32) (param $scale i32) (param $dim i32) (param $idx i32) (param $count i32) (param $q i32) (param $qScale f32) (param $out i32)
    (local $k i32)
    (local $item i32)
    (block $done
      (loop $items
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $item (i32.load (i32.add (local.get $idx) (i32.shl (local.get $k) (i32.const 2)))))
        (f32.store
          (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2)))
          (f32.mul
            (f32.mul (local.get $qScale) (f32.load (i32.add (local.get $scale) (i32.shl (local.get $item) (i32.const 2)))))
            (f32.convert_i32_s
              (call $dotRowI8 (i32.add (local.get $mat) (i32.mul (local.get $item) (local.get $dim))) (local.get $q) (local.get $dim)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $items))))

  (func $dotRowI8 (param $row i32) (param $q i32) (param $dim i32) (result i32)
    (local $j i32)
    (local $acc v128)
    (block $done
      (loop $cols
        (br_if $done (i32.ge_u (local.get $j) (local.get $dim)))
        (local.set $acc
          (i32x4.add (local.get $acc)
            (i32x4.dot_i16x8_s
              (v128.load8x8_s (i32.add (local.get $row) (local.get $j)))
              (v128.load (i32.add (local.get $q) (i32.shl (local.get $j) (i32.const 1)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $cols)))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
      (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc))))))
