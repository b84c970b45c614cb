import { expect, it } from "vitest";
import { compileKernels } from "./compile-kernels.ts";
import { KERNELS_WASM_BASE64 } from "./kernels-wasm.ts";

it("the committed wasm is kernels.wat compiled (run `npm run build:wasm` after editing the .wat)", async () => {
  const bytes = await compileKernels();
  expect(Buffer.from(bytes).toString("base64")).toBe(KERNELS_WASM_BASE64);
});
