"""Failures that the CLI reports as a `failed` event with a code."""


class TrainerError(Exception):
    """A failure with a contract code; `exit_code` is 2 for bad input, 1 otherwise."""

    code = "training_error"
    exit_code = 1


class InvalidTrainingFile(TrainerError):
    code = "invalid_training_file"
    exit_code = 2


class InvalidBaseModel(TrainerError):
    code = "invalid_base_model"
    exit_code = 2


class InvalidArguments(TrainerError):
    """Bad command line: reported as training_error, but it is bad input (exit 2)."""

    exit_code = 2
