"""Itera trainer: LoRA fine-tuning of a local GGUF Llama model, exported back to GGUF."""

__version__ = "0.1.0"
