"""English messages of Draw mode (playground/app/draw.py)."""

MESSAGES = {
    "draw.toggle": "Draw your own data",
    "draw.help": "Click on the plane to add points of a class, or to erase one; the network then "
    "trains on your points. The test fraction, scaler and feature inputs apply to them as to any "
    "data set.",
    "draw.mode": "Click on the plane to",
    "draw.mode.help": "Erase takes away the drawn point nearest to the click.",
    "draw.mode.0": "add class 0",
    "draw.mode.1": "add class 1",
    "draw.mode.erase": "erase",
    "draw.count": "Points: {n} ({n0} of class 0, {n1} of class 1).",
    "draw.clear": "Clear all",
    "draw.copy": "Start from the current data set",
    "draw.csv": "Download as CSV",
    "draw.in_link": "The page's address holds this drawing (up to {max} points): copy it to share "
    "the setup with the drawing.",
    "draw.no_link": "{n} points are more than a link holds ({max}): download the CSV to keep or "
    "share this drawing; the CSV upload in the sidebar reads it back.",
    "draw.type": "Type a point",
    "draw.apply.0": "Add a class 0 point here",
    "draw.apply.1": "Add a class 1 point here",
    "draw.apply.erase": "Erase the point nearest to here",
    "draw.too_few": "Add points of both classes: training needs at least {min} points "
    "(now {n}: {n0} of class 0, {n1} of class 1).",
    "draw.one_class": "Add points of both classes: all {n} points are of one class now "
    "({n0} of class 0, {n1} of class 1).",
    "draw.split": "Add points: with the test fraction {tf}, these {n} points ({n0} of class 0, "
    "{n1} of class 1) do not split into a training and a test set that both hold each class.",
    "draw.active": "Training on your drawing: the data set, samples and noise controls do not "
    "apply; the test fraction, scaler and feature inputs do.",
    "draw.bad_link": "The drawing in this link (`points=`{value}) could not be read: {error} "
    "Everything else in the link is used as it is.",
    "draw.copied": "Copied {n} points of the current data set.",
    "draw.note.classes": "Only classes 0 and 1 were copied.",
    "draw.note.sampled": "A random {max} of them were taken.",
    "draw.note.rescaled": "Each axis was rescaled to fit the drawing plane (−{plane} to {plane}).",
    "draw.err.value": "“{value}” is not a number.",
    "draw.err.range": "A coordinate ({value}) is outside the plane, which goes from −{plane} to "
    "{plane}.",
    "draw.err.class": "“{value}” is not a class: use 0 or 1.",
    "draw.err.full": "The drawing is full: it holds at most {max} points.",
    "draw.err.too_many": "It has {n} points, more than a link holds ({max}).",
    "draw.err.chars": "“{char}” is not a character a drawing link uses (A–Z, a–z, 0–9, - and _).",
    "draw.err.length": "Its length ({n} characters) is not a multiple of 4 (4 characters a point).",
    "draw.err.json": "`points` must be a list of at most {max} [x1, x2, class] triples.",
    "draw.err.not_classes": "This data set has no classes to copy: start from a classification "
    "data set.",
}
