"""Reading and writing GGUF files: metadata entries and dequantized tensors."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from gguf import GGMLQuantizationType, GGUFReader, GGUFValueType, GGUFWriter
from gguf import quants

from itera_trainer.errors import InvalidBaseModel

# Keys that the writer derives itself or that we always set anew.
_DERIVED_KEYS = {"general.architecture", "general.alignment", "general.file_type", "general.name"}


@dataclass
class MetaEntry:
    """One key/value of a GGUF header, with its GGUF type (and element type for arrays)."""

    value: Any
    vtype: GGUFValueType
    sub_type: GGUFValueType | None = None


@dataclass
class GgufFile:
    """A GGUF model read into memory: ordered metadata and float32 tensors (numpy row-major,
    i.e. shape reversed from GGUF's ne order, the same layout as a torch Linear weight)."""

    metadata: dict[str, MetaEntry]
    tensors: dict[str, np.ndarray] = field(default_factory=dict)
    tensor_types: dict[str, GGMLQuantizationType] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        entry = self.metadata.get(key)
        return default if entry is None else entry.value

    def require(self, key: str) -> Any:
        if key not in self.metadata:
            raise InvalidBaseModel(f"the GGUF file has no '{key}' metadata")
        return self.metadata[key].value


def _read_entry(f) -> MetaEntry | None:
    if not f.types:
        return None
    vtype = f.types[0]
    if vtype == GGUFValueType.ARRAY:
        if len(f.types) != 2:
            return None  # nested arrays: not used by llama models
        return MetaEntry(f.contents(), vtype, f.types[1])
    return MetaEntry(f.contents(), vtype)


def read_gguf(path: str | os.PathLike) -> GgufFile:
    """Reads metadata and dequantizes every tensor to float32."""
    try:
        reader = GGUFReader(path)
    except (OSError, ValueError) as e:
        raise InvalidBaseModel(f"cannot read GGUF file {path}: {e}") from e
    metadata = {}
    for key, f in reader.fields.items():
        if key.startswith("GGUF."):
            continue
        entry = _read_entry(f)
        if entry is not None:
            metadata[key] = entry
    model = GgufFile(metadata)
    for t in reader.tensors:
        model.tensors[t.name] = _dequantize(t)
        model.tensor_types[t.name] = t.tensor_type
    return model


def _dequantize(t) -> np.ndarray:
    try:
        data = quants.dequantize(t.data, t.tensor_type)
    except NotImplementedError as e:
        raise InvalidBaseModel(f"tensor {t.name}: {t.tensor_type.name} is not supported") from e
    shape = tuple(int(n) for n in reversed(t.shape.tolist()))
    return np.array(data, dtype=np.float32, copy=True).reshape(shape)


def tensor_type_for(name: str, array: np.ndarray, outtype: str) -> GGMLQuantizationType:
    """Norms and other 1-D tensors stay F32; matrices get the requested type (F16 where a
    row does not split into Q8_0 blocks)."""
    if array.ndim < 2:
        return GGMLQuantizationType.F32
    if outtype == "q8_0" and array.shape[-1] % 32 == 0:
        return GGMLQuantizationType.Q8_0
    return GGMLQuantizationType.F16


def file_type_for(outtype: str) -> int:
    return 7 if outtype == "q8_0" else 1  # llama.cpp's MOSTLY_Q8_0 / MOSTLY_F16


def write_gguf(path: str | os.PathLike, arch: str, name: str, metadata: dict[str, MetaEntry],
               tensors: dict[str, np.ndarray], outtype: str) -> None:
    """Writes a GGUF file: the given metadata (minus derived keys), `general.name`, the file
    type for `outtype`, and the tensors in the given order."""
    writer = GGUFWriter(path, arch)
    writer.add_name(name)
    writer.add_file_type(file_type_for(outtype))
    for key, entry in metadata.items():
        if key in _DERIVED_KEYS:
            continue
        writer.add_key_value(key, entry.value, entry.vtype, sub_type=entry.sub_type)
    for tname, array in tensors.items():
        qtype = tensor_type_for(tname, array, outtype)
        data = quants.quantize(np.ascontiguousarray(array, dtype=np.float32), qtype)
        writer.add_tensor(tname, data, raw_dtype=qtype)
    try:
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
    finally:
        writer.close()
