"""Live training on the Playground: the media controls and what they say."""

MESSAGES = {
    "live.play": "Play",
    "live.play.help": "Train live and watch: the boundary, the curves and the numbers are redrawn "
    "several times a second. Starts from epoch 0 with fresh weights (or goes on after a pause).",
    "live.pause": "Pause",
    "live.step_batch": "One batch",
    "live.step_batch.help": "Train on one mini-batch: its points are ringed on the boundary.",
    "live.step_epoch": "One epoch",
    "live.reset": "Restart",
    "live.reset.help": "Back to epoch 0 with fresh weights, paused.",
    "live.trained": "Trained result",
    "live.trained.help": "Leave live training and show the fully trained run of this setup, as "
    "a shared link shows it.",
    "live.beyond": "Keep going past {epochs} epochs",
    "live.idle": "Showing the trained result ({epochs} epochs). Press Play to watch it train from "
    "epoch 0, or step through it.",
    "live.views_frozen": "While it plays, the views below stay at epoch {epoch}, where Play was pressed; they catch up when you pause.",
    "live.at": "Live: epoch {epoch} of {epochs}.",
    "live.in_epoch": "{done} of {batches} mini-batches into the next epoch.",
    "live.ringed": "Ringed: the {n} training points of the last mini-batch.",
    "live.done": "Finished: the same result as the trained run of this setup.",
    "live.done_changed": "Finished. Settings changed during this run, so it differs from the "
    "trained run of the setup (a shared link shows that one).",
    "live.diverged": "The run diverged: press Restart, or change a setting.",
    "live.restarted": "Changed: {what}. The live run restarted from epoch 0 with fresh weights "
    "(only the optimizer, its learning rate, L1, L2, the batch size and the epochs can change "
    "while it trains).",
    "live.hidden": "Network shape",
    "live.upload": "Your own data (uploaded or drawn)",
}
