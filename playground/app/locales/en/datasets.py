"""English messages about the data sets: CSV files of the data-set folder that were left out,
and inputs too large to compute with."""

MESSAGES = {
    "ds.left_out": "CSV files not loaded from {folder}: {n}",
    "ds.left_out.help": "Each file below is missing from the data-set list, for the reason given. "
    "Fix or replace a file and it appears within a few seconds, without a restart.",
    "ds.file": "**{name}**: {reason}",
    "ds.too_large": "The loss is not a finite number even before training: the inputs reach "
    "{max}, too large for the network's `float64` arithmetic (its largest number is about "
    "1.8e308).",
    "ds.too_large.none": "No scaler is selected, so they go into the network as they are.",
    "ds.too_large.standard": "StandardScaler cannot help here: it squares the values to measure "
    "their spread, and the square of a value above about 1.3e154 is too large for `float64`.",
    "ds.too_large.other": "The selected scaler, {scaler}, does not bring them into a range the "
    "network can compute with.",
    "ds.too_large.try": "Try {scalers}.",
    "ds.either": "{a} or {b}",
    "ds.too_large.rescale": "No scaler here can bring them into range: divide the features in "
    "the file by a power of ten (for example by 1e{exp}).",
}
