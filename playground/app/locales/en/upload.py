"""English messages of the upload page."""

MESSAGES = {
    "up.label": "Your own CSV",
    "up.help": "UTF-8, a header row, two numeric feature columns, then a label column "
    "(2–10 classes), at most 20,000 rows.",
    "up.use": "Use my data: {name} ({n} rows, {k} classes)",
    "up.error": "This file cannot be used: {error}",
    "up.too_big": "The file is larger than {mb} MB.",
    "up.active": "Training on your data “{name}”: the data-set controls do not apply.",
}
