import { readFileSync } from "node:fs";
import wabtInit from "wabt";

/** Compiles kernels.wat to wasm bytes with wabt (a dev dependency: only the build script and its test use it). */
export async function compileKernels(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const source = readFileSync(new URL("./kernels.wat", import.meta.url), "utf8");
  const module = wabt.parseWat("kernels.wat", source, { simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
