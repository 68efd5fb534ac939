"""English messages of the compute budget: long runs, the queue, failures outside our control."""

MESSAGES = {
    "budget.refused": "This run would take about {seconds} s of computing, more than this server "
    "allows for one run ({max} s). Make it smaller: fewer epochs or samples, a larger batch, or "
    "a smaller network.",
    "budget.confirm": "This run would take about {seconds} s of computing. On a shared server, "
    "long runs train one at a time at low priority, so others' pages stay quick.",
    "budget.confirm_button": "Train it (about {seconds} s)",
    "budget.queued": "Waiting for the server: yours is number {position} in line for long runs "
    "and sweeps ({running} running now). It starts by itself.",
    "budget.worker_died": "The training process stopped unexpectedly; training on the web "
    "server instead (a little slower this once).",
    "budget.dask_down": "The Dask scheduler at {address} did not answer within {seconds} s; "
    "this sweep runs on this server instead.",
    "budget.sweep_refused": "This sweep would take about {seconds} s of computing, more than "
    "this server allows for one sweep ({max} s): choose fewer values or seeds, or a smaller "
    "setup in the sidebar.",
    "budget.download_failed": "{name} could not be prepared for download ({error}). The rest of "
    "the page works; try again in a moment.",
}
