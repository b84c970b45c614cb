/**
 * What the recommendation tools need from a catalog's trained models. Item vectors are row-major
 * (item i occupies [i*dim, (i+1)*dim)), unit length (or all zero for an item the model knows nothing
 * about), and `dim` is a multiple of 4 so the SIMD kernels can scan them.
 */
export interface SemanticModel {
  dim: number;
  items: Float32Array;
  /** Unit vector for free text ("scary", "office wear"), or null when no word of it is known. */
  embedText(text: string): Float32Array | null;
  /** Unit vector of one attribute value (genre = Horror), or null when the value is unknown. */
  embedValue(attribute: string, value: string): Float32Array | null;
}

export interface CollaborativeModel {
  /** e.g. "als", "bpr" */
  algorithm: string;
  dim: number;
  items: Float32Array;
  /** Per item in [0, 1]: how popular it is among positive interactions (log-scaled). */
  popularity: Float32Array;
}

export interface CatalogModels {
  semantic: SemanticModel;
  collaborative: CollaborativeModel;
}
