"""What every generated script shares: its docstring, loading the .npz, line wrapping, comments,
the optimizer's hyper-parameters and the playground's batch order."""

from __future__ import annotations

import ast
import json
import textwrap

from playground import features, tasks
from playground.config import RunConfig
from playground.nn import losses, optimizers

NPZ_NAME = "playground_run.npz"
# the file names the app's download buttons give the scripts (views.downloads)
SCRIPT_NAMES = {"pytorch": "train_pytorch.py", "keras": "train_keras.py"}
SCRIPT_NAMES["sklearn"] = "train_scikit-learn.py"


def setup_line(c: RunConfig) -> str:
    batch = "full batch" if c.batch_size == 0 else f"batch {c.batch_size}"
    inputs = "" if c.features == features.DEFAULT else f"features {', '.join(c.features)},\n"
    l1 = f", L1 {c.l1!r}" if c.l1 else ""
    return (
        f"{c.dataset}, {inputs}scaler {c.scaler}, hidden {list(c.hidden)}, {c.activation}, "
        f"{c.initializer} ×{c.init_scale:g},\n{c.loss}, {c.optimizer} lr {c.learning_rate!r}, "
        f"{batch}, {c.epochs} epochs, L2 {c.l2!r}{l1}, seed {c.seed}."
    )


def _docstring_safe(text: str) -> str:
    """Text that cannot end or escape a generated docstring (e.g. an odd CSV file name)."""
    return text.replace("\\", "/").replace('"', "'")


def header(c: RunConfig, framework: str, what: str, npz_name: str, how: str) -> str:
    """The script's docstring: what it does, the setup, how to run it (`how`: the command)."""
    body = (
        f"Tuning Playground run in {framework}: {what}\n\n"
        f"Setup: {setup_line(c)}\n"
        f"Run it next to the downloaded {npz_name}:  {how}\n"
    )
    return f'"""{_docstring_safe(body)}"""\n'


def load(npz_name: str) -> str:
    """`run = np.load("<npz_name>")` with the name as a valid string literal."""
    return f"run = np.load({json.dumps(npz_name)})"


def call(lhs: str, func: str, args: list[str], indent: str = "") -> str:
    """`lhs = func(args)` on one line if it fits in 99 columns, else wrapped as ruff would."""
    one = f"{indent}{lhs}{func}({', '.join(args)})"
    if len(one) <= 99:
        return one
    inner = f"{indent}    {', '.join(args)}"
    if len(inner) <= 99:
        return f"{indent}{lhs}{func}(\n{inner}\n{indent})"
    lines = "".join(f"{indent}    {a},\n" for a in args)
    return f"{indent}{lhs}{func}(\n{lines}{indent})"


def comments(lines: list[str], indent: str = "") -> str:
    """Comment lines, wrapped at 99 columns."""
    out = []
    for line in lines:
        first, rest = f"{indent}# ", f"{indent}#   "
        out += textwrap.wrap(line, 99 - len(indent), initial_indent=first, subsequent_indent=rest)
    return "".join(f"{o}\n" for o in out)


def hyper(config: RunConfig) -> dict[str, object]:
    """The optimizer's torch-named hyper-parameters: its defaults, then the config's values."""
    return {**optimizers.DEFAULTS[config.optimizer], **config.optimizer_hyper()}


def fixed_kwargs(text: str | None) -> dict[str, object]:
    """`"nesterov=True, x=0.5"` (a facts.code entry) as {"nesterov": True, "x": 0.5}."""
    call_ = ast.parse(f"f({text or ''})", mode="eval").body
    return {k.arg: ast.literal_eval(k.value) for k in call_.keywords}


def init_note(c: RunConfig, facts, framework: str) -> list[str]:
    """Comment lines: the rule that drew the initial weights, and its name in `framework`."""
    name = getattr(facts, framework, None)
    scale = "" if c.init_scale == 1 else f" ×{c.init_scale:g}"
    same = f"{name}{scale}" if name else f"no built-in {framework} initializer"
    return [f"Drawn by the playground with {c.initializer}{scale}; in {framework}:", same]


def regression(c: RunConfig) -> bool:
    """A regression run (real-valued targets, one linear output): its scripts print R²."""
    return tasks.task(c.dataset) == "regression"


def loss_code(c: RunConfig, framework: str) -> str | None:
    """The loss's `data_loss` for `framework` ("torch" | "keras") from its facts.code: the
    "<framework>_regression" one for a regression run; None if the loss has none."""
    return losses.get(c.loss).facts.code.get(framework + ("_regression" if regression(c) else ""))


def batch_loop(c: RunConfig, body: str) -> str:
    """The playground's batch order (its shuffle generator, one permutation per epoch), `body`
    once per epoch (it trains on `batches`, a list of index arrays), progress lines and the
    parseable last line (`evaluate(X, y)` -> (data loss, accuracy) must exist in the script;
    a regression run's evaluate gives R² in place of accuracy, printed as final_test_r2)."""
    metric = "r2" if regression(c) else "accuracy"
    return f"""\
# The playground's batch order: its shuffle generator, one permutation per epoch.
rng = np.random.default_rng(np.random.SeedSequence({c.seed}).spawn(2)[1])
n, batch_size, epochs = len(X_train), {c.batch_size}, {c.epochs}
for epoch in range(1, epochs + 1):
    if batch_size <= 0 or batch_size >= n:
        batches = [np.arange(n)]  # full batch: one step per epoch, no shuffling
    else:
        perm = rng.permutation(n)
        batches = [perm[s : s + batch_size] for s in range(0, n, batch_size)]
{body}
    if epoch % max(1, epochs // 10) == 0:
        print(f"epoch {{epoch}}: train loss {{evaluate(X_train, y_train)[0]:.6f}}")

train_loss, _ = evaluate(X_train, y_train)
_, test_{metric} = evaluate(X_test, y_test)
print(f"final_train_loss={{train_loss!r}} final_test_{metric}={{test_{metric}!r}}")
"""
