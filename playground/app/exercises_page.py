"""Exercises page: workshop challenges with a goal the app checks, hints, progress, and
instructor links (`?exercise=<id>&lock=auto` or `&lock=scaler,loss`) that lock controls."""

from __future__ import annotations

import streamlit as st

from playground import exercises
from playground.app import i18n, sidebar
from playground.app.i18n import option_label, t
from playground.app.learn_page import CIRCLED, go_to
from playground.app.runs import train
from playground.exercises import Criterion, Exercise

LOCKED = "locked_controls"  # session key the sidebar reads: widget keys to disable
PROGRESS = "ex_progress"
CURRENT = "ex_current"  # the selectbox's key (widget state is per page in Streamlit) …
SELECTED = "ex_selected"  # … so the choice itself is kept here
OK, NO = ":green[:material/check_circle:]", ":red[:material/cancel:]"
TODO, NEXT = ":gray[:material/radio_button_unchecked:]", ":blue[:material/arrow_forward:]"

EN = {
    "ex.nav": "Exercises",
    "ex.title": "Workshop exercises",
    "ex.intro": "Each exercise starts from a setup. Load it into the playground, change the "
    "controls the exercise allows, then come back here and check your setup. Hints appear one at "
    "a time; your progress stays in this browser session.",
    "ex.choose": "Exercise",
    "ex.point": "Tuning point {point}",
    "ex.goal": "Goal",
    "ex.step": "Step {n} of {total}",
    "ex.load": "Load starting setup",
    "ex.load.help": "Puts the starting setup into the sidebar and opens the playground.",
    "ex.check": "Check my current setup",
    "ex.check.help": "Trains the setup now in the sidebar (or takes it from the cache) and checks the goal.",
    "ex.checking": "Training your setup …",
    "ex.controls": "You may change: {controls}",
    "ex.controls_all": "You may change anything but the data ({fixed}).",
    "ex.locked": "Locked for this exercise: {controls}",
    "ex.locked_but": "Locked for this exercise: every control except {controls}",
    "ex.unlock": "Unlock the controls",
    "ex.bad_link": "The link names an unknown exercise, “{id}”. Pick one from the list.",
    "ex.result": "Your setup, checked (attempt {n})",
    "ex.step_done": "Step {n} done. On to step {next}: {goal}",
    "ex.solved": "Solved!",
    "ex.quiz_first": "Goal reached. Answer the question below to finish the exercise.",
    "ex.not_yet": "Not yet: {n} of {total} checks passed.",
    "ex.quiz_title": "Question",
    "ex.quiz_right": "Right.",
    "ex.quiz_wrong": "Not quite: think about it once more.",
    "ex.hints": "Hints",
    "ex.hint_btn": "Show a hint ({shown} of {total})",
    "ex.hint": "Hint {n}: {text}",
    "ex.why_title": "Why it works",
    "ex.reset": "Start this exercise over",
    "ex.progress": "Your progress",
    "ex.progress_bar": "{solved} of {total} exercises solved",
    "ex.col.point": "Point",
    "ex.col.title": "Exercise",
    "ex.col.status": "Status",
    "ex.col.attempts": "Checks",
    "ex.col.hints": "Hints used",
    "ex.status.solved": "✓ solved",
    "ex.status.step": "step {n} of {total}",
    "ex.status.open": "—",
    "ex.share": "For instructors: share this exercise",
    "ex.share_text": "Append this to the address of this page. `lock=auto` locks every control the "
    "exercise does not need; or list controls yourself, e.g. `lock=scaler,loss`. Locks last for "
    "the learner's session (until another exercise is picked or they unlock).",
    "ex.nothing": "nothing",
    "ex.run.ok": "ok",
    "ex.run.diverged": "diverged",
    # criteria
    "ex.c.converged": "Training converges (status: {status})",
    "ex.c.test_acc": "Test accuracy ≥ {target} (now {value})",
    "ex.c.train_acc_by": "Train accuracy reaches {target} by epoch {epoch} (now at epoch: {value})",
    "ex.c.train_loss": "Final train loss ≤ {target} (now {value})",
    "ex.c.ratio_below": "Gradient ratio ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖ at epoch 0 below {hi} (now {value})",
    "ex.c.ratio_above": "Gradient ratio ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖ at epoch 0 above {lo} (now {value})",
    "ex.c.ratio": "Gradient ratio ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖ at epoch 0 between {lo} and {hi} (now {value})",
    "ex.c.units_differ": "The units of hidden layer 1 are no longer identical",
    "ex.c.has_overfitting": "The diagnosis reports overfitting",
    "ex.c.no_overfitting": "The diagnosis no longer reports overfitting",
    "ex.c.is": "{controls} is {target} (now {value})",
    "ex.c.is_not": "{controls} is not {target} (now {value})",
    "ex.c.at_least": "{controls} ≥ {target} (now {value})",
    "ex.c.max_nodes": "At most {target} hidden nodes in all (now {value})",
    "ex.c.max_size": "At most {depth} hidden layers of at most {width} nodes (now {value})",
    "ex.c.one_change": "Exactly one setting differs from the previous step (changed: {changed})",
    "ex.c.only": "Changed only: {controls}",
    "ex.c.only_previous": "Since the previous step, changed only: {controls}",
    "ex.c.also": " (you also changed: {changed})",
    # ① normalizer
    "ex.normalizer.title": "The Normalizer and the circles",
    "ex.normalizer.task": "The circles data set with a Normalizer (L2) as scaler: the network "
    "cannot learn it, whatever it tries. Find out why, then fix it by changing only the scaler.",
    "ex.normalizer.step.1": "Reach ≥ 90 % test accuracy with a different scaler.",
    "ex.normalizer.hint.1": "In the playground, open the scaler view (①) and compare the points "
    "before and after scaling.",
    "ex.normalizer.hint.2": "A Normalizer scales each point (each row) to length 1. What is left "
    "of a point's distance from the centre?",
    "ex.normalizer.hint.3": "Standardization (StandardScaler) works per feature and keeps the "
    "shape of the cloud.",
    "ex.normalizer.quiz": "Why can the network not learn the circles after the Normalizer?",
    "ex.normalizer.quiz.0": "The learning rate is too small for normalized data.",
    "ex.normalizer.quiz.1": "Every point lands on the unit circle: the radius, the one thing that "
    "separates the two classes, is gone.",
    "ex.normalizer.quiz.2": "The Normalizer mixes up the labels of the test set.",
    "ex.normalizer.why": "The two classes differ only in their distance from the centre. The "
    "Normalizer divides each point by its own norm, so every point ends up at distance 1 and only "
    "its angle survives: the classes fall on top of each other. Standardization, z = (x − μ)/σ per "
    "feature, keeps the distances.",
    # ① breast cancer
    "ex.cancer_scaler.title": "Breast cancer: without and with a scaler",
    "ex.cancer_scaler.task": "The two features of the breast-cancer set differ about 60× in size "
    "(mean area ≈ 150–2500, mean texture ≈ 10–40). Without a scaler the tanh network only predicts "
    "the majority class. These two features allow about 89 % at best.",
    "ex.cancer_scaler.step.1": "Without a scaler (keep it at none), reach ≥ 85 % test accuracy: "
    "change anything else.",
    "ex.cancer_scaler.step.2": "Load the starting setup again and change only the scaler: reach "
    "≥ 85 %.",
    "ex.cancer_scaler.hint.1": "Inputs near 1000 push tanh into its flat tails: f′(z) ≈ 0, so the "
    "gradient vanishes (see the diagnosis).",
    "ex.cancer_scaler.hint.2": "Without a scaler: an activation without flat tails (ReLU, Leaky "
    "ReLU) in a single hidden layer can get there.",
    "ex.cancer_scaler.hint.3": "With a scaler it is one change: StandardScaler or MinMaxScaler.",
    "ex.cancer_scaler.why": "Gradient descent works best when the features have similar sizes. "
    "Unscaled, the large feature saturates the tanh units and dominates the gradient, and only a "
    "lucky architecture learns at all. Standardization puts both features on the same footing, "
    "and the original network learns at once.",
    # ② MSE vs CE
    "ex.mse_ce.title": "MSE or cross entropy from a saturated start",
    "ex.mse_ce.task": "Initial weights 20× too large saturate the sigmoid units from the start. "
    "With MSE as the cost function, learning crawls. Change only the cost function.",
    "ex.mse_ce.step.1": "Reach 90 % train accuracy by epoch 15.",
    "ex.mse_ce.hint.1": "MSE's gradient at the output contains σ′(z), which is ≈ 0 where the "
    "sigmoid is saturated.",
    "ex.mse_ce.hint.2": "For cross entropy with a sigmoid output, the gradient with respect to "
    "the logit is simply ŷ − y.",
    "ex.mse_ce.quiz": "Why does cross entropy learn faster here?",
    "ex.mse_ce.quiz.0": "It has a larger learning rate built in.",
    "ex.mse_ce.quiz.1": "It ignores the wrong predictions.",
    "ex.mse_ce.quiz.2": "Its gradient ŷ − y stays large when a saturated sigmoid is wrong; MSE's "
    "is multiplied by σ′(z) ≈ 0.",
    "ex.mse_ce.why": "With MSE, ∂L/∂z = 2(ŷ − y)·σ′(z): a confidently wrong, saturated output "
    "gets almost no gradient. Cross entropy's log cancels the σ′(z): ∂L/∂z = ŷ − y, largest "
    "exactly where the output is most wrong.",
    # ③ vanishing
    "ex.vanish_fix.title": "Make the gradient vanish, then fix it with one change",
    "ex.vanish_fix.task": "Vanishing gradient: the gradient shrinks layer by layer toward the "
    "input, so the first layers hardly learn. First cause it, then cure it with a single change.",
    "ex.vanish_fix.step.1": "Make the first layer's gradient less than 1/1000 of the last "
    "layer's (ratio < 1e-3 at epoch 0).",
    "ex.vanish_fix.step.2": "From that setup, change exactly one setting so that the ratio is "
    "above 1e-2.",
    "ex.vanish_fix.hint.1": "Back-propagation multiplies by each layer's weights and by f′(z); "
    "the sigmoid's f′ is at most 0.25.",
    "ex.vanish_fix.hint.2": "Step 1: sigmoid, many layers (say 6) and small initial weights "
    "(scale 0.1).",
    "ex.vanish_fix.hint.3": "Step 2: an activation whose derivative is 1 near 0 (tanh, ReLU), or "
    "far fewer layers.",
    "ex.vanish_fix.why": "Each layer multiplies the gradient by roughly |w|·f′(z). With sigmoid "
    "(f′ ≤ 0.25) and small weights that factor is far below 1, and six layers multiply it six "
    "times. tanh and ReLU have f′ = 1 around 0, so one change restores the flow.",
    # ④ zeros
    "ex.zero_init.title": "All weights zero",
    "ex.zero_init.task": "Every weight starts at 0. Train it: nothing moves, the accuracy stays "
    "at 50 %. Find out why and fix it by changing only the initialization.",
    "ex.zero_init.step.1": "The units of hidden layer 1 differ from each other, and the test "
    "accuracy reaches ≥ 90 %.",
    "ex.zero_init.hint.1": "With zeros, every unit of a layer computes the same output and gets "
    "the same gradient. Can they ever become different?",
    "ex.zero_init.hint.2": "Draw the initial weights at random: Glorot (Xavier) for tanh and "
    "sigmoid, He for ReLU.",
    "ex.zero_init.quiz": "Why do zero initial weights fail?",
    "ex.zero_init.quiz.0": "All units of a layer start equal and get equal updates, so they stay "
    "identical (symmetry); with tanh here every gradient is even exactly 0.",
    "ex.zero_init.quiz.1": "Zero weights set the learning rate to zero.",
    "ex.zero_init.quiz.2": "The optimizer skips parameters that are exactly zero.",
    "ex.zero_init.why": "Identical units receive identical gradients, so no update can tell them "
    "apart: the layer behaves like a single unit. Random initial weights break the symmetry.",
    # ④ exploding
    "ex.explode_fix.title": "Exploding gradient",
    "ex.explode_fix.task": "Six tanh layers of 32 nodes with initial weights 20× too large: the "
    "gradient grows about 200× from the last layer to the first. Fix it through the "
    "initialization only.",
    "ex.explode_fix.step.1": "Gradient ratio at epoch 0 between 0.1 and 10, and test accuracy "
    "≥ 90 %.",
    "ex.explode_fix.hint.1": "Look at the gradient-flow chart: every layer multiplies the "
    "gradient by its weights.",
    "ex.explode_fix.hint.2": "Glorot's range √(6/(n_in + n_out)) keeps a signal's size from "
    "layer to layer: set the scale back to 1.",
    "ex.explode_fix.why": "Backward, each layer multiplies the gradient by its weight matrix; "
    "20× too large weights make that factor greater than 1, and six layers compound it. Glorot "
    "and He scale the weights to the layer's size so the factor stays near 1.",
    # ⑤ learning rate
    "ex.largest_lr.title": "The largest learning rate for SGD",
    "ex.largest_lr.task": "SGD with learning rate 10 diverges in the first epoch. Find the "
    "largest learning rate in the list that still converges.",
    "ex.largest_lr.step.1": "Learning rate ≥ 1, no divergence, and test accuracy ≥ 90 %.",
    "ex.largest_lr.hint.1": "Go down one step at a time (10 → 3 → 1) and watch the first epochs "
    "of the loss curve.",
    "ex.largest_lr.hint.2": "Too large a step jumps across the valley of the loss and lands "
    "higher every time.",
    "ex.largest_lr.why": "The learning rate is the step length along the gradient. Past a limit "
    "set by the curvature of the loss, each step overshoots the minimum by more than it "
    "corrects, and the loss grows without bound.",
    # ⑤ GD vs SGD
    "ex.gd_sgd.title": "Gradient descent vs. stochastic gradient descent",
    "ex.gd_sgd.task": "Full-batch gradient descent (batch size 0) makes one step per epoch: 100 "
    "epochs, 100 steps. Keep the epochs, the optimizer and the learning rate; change only the "
    "batch size.",
    "ex.gd_sgd.step.1": "Final train loss ≤ 0.15 in the same 100 epochs.",
    "ex.gd_sgd.hint.1": "With 400 training samples and batch size 16, one epoch makes 25 steps.",
    "ex.gd_sgd.hint.2": "Smaller batches give noisier steps, but many more of them.",
    "ex.gd_sgd.quiz": "Why does SGD get lower in the same number of epochs?",
    "ex.gd_sgd.quiz.0": "Each SGD step is more exact than a GD step.",
    "ex.gd_sgd.quiz.1": "It makes many more (noisier) steps per pass over the data.",
    "ex.gd_sgd.quiz.2": "It raises the learning rate by itself.",
    "ex.gd_sgd.why": "A mini-batch gradient is a noisy estimate of the full one, but it costs a "
    "fraction of the data: in one epoch SGD moves 25 times while GD moves once.",
    # ⑥ circles
    "ex.circles_nodes.title": "How many nodes do the circles need?",
    "ex.circles_nodes.task": "One hidden layer with a single node cannot draw a closed boundary "
    "around the inner circle. Change only the number of nodes.",
    "ex.circles_nodes.step.1": "≥ 95 % test accuracy with one hidden layer of at most 3 nodes.",
    "ex.circles_nodes.hint.1": "Each hidden node adds one straight line to the boundary. How many "
    "lines close a shape?",
    "ex.circles_nodes.hint.2": "The course's rules of thumb suggest 1–2 nodes for 2 inputs: test "
    "them, then one more.",
    "ex.circles_nodes.why": "Each tanh node splits the plane along a line; the output combines "
    "the pieces. Two lines leave an open strip, three can enclose a triangle around the inner "
    "circle. Too few nodes: underfitting.",
    # ⑥ xor
    "ex.xor_smallest.title": "The smallest network for XOR",
    "ex.xor_smallest.task": "The (8, 8) network solves XOR easily. How small can it get?",
    "ex.xor_smallest.step.1": "≥ 90 % test accuracy with at most 3 hidden nodes in all.",
    "ex.xor_smallest.hint.1": "Without hidden layers the boundary is one straight line: not "
    "enough for XOR's four quadrants.",
    "ex.xor_smallest.hint.2": "Try one hidden layer and count down: 4, 3, 2 nodes.",
    "ex.xor_smallest.hint.3": "If a small net gets stuck, give it more epochs or a larger "
    "learning rate.",
    "ex.xor_smallest.why": "XOR is not linearly separable. A few hidden nodes bend the plane so "
    "that the output can separate it; on quadrant data three nodes are enough, two are not.",
    # ⑥⑦ overfitting
    "ex.overfit_l2.title": "Overfit on purpose, then fix it with L2",
    "ex.overfit_l2.task": "100 noisy samples, half of them kept for testing. First make the "
    "network memorize the training data, then rein it in with L2 regularization alone.",
    "ex.overfit_l2.step.1": "Make the diagnosis report overfitting (test loss rising while the "
    "train loss falls).",
    "ex.overfit_l2.step.2": "From that setup, change only L2 regularization so that the "
    "diagnosis no longer reports overfitting.",
    "ex.overfit_l2.hint.1": "Overfitting needs capacity: many nodes and layers (say 3 × 32) and "
    "enough epochs.",
    "ex.overfit_l2.hint.2": "L2 adds ½·λ·Σ‖W‖² to the cost: large weights cost extra, so the "
    "boundary gets smoother.",
    "ex.overfit_l2.hint.3": "Try λ = 0.01, then 0.03.",
    "ex.overfit_l2.why": "With many more weights than training points, the network can bend its "
    "boundary around every noisy point. The L2 penalty keeps the weights small, which keeps the "
    "boundary simple.",
    # ⑦ spiral
    "ex.spiral_small.title": "The spiral with a small network",
    "ex.spiral_small.task": "Two interleaved spirals. The starting network (2 layers of 8 nodes) "
    "reaches about 89 %. Change anything but the data.",
    "ex.spiral_small.step.1": "≥ 95 % test accuracy with at most 3 hidden layers of at most 8 "
    "nodes.",
    "ex.spiral_small.hint.1": "Depth helps here: each layer can fold the plane once more.",
    "ex.spiral_small.hint.2": "Try 3 layers of 8 before changing the optimizer.",
    "ex.spiral_small.hint.3": "ReLU or ELU, more epochs or learning rate 0.03 can also help.",
    "ex.spiral_small.why": "A spiral needs a boundary that turns many times. Extra layers compose "
    "the folds of the layers below, so a third layer of 8 does more than more nodes in two.",
}

KO = {
    "ex.nav": "연습 문제",
    "ex.title": "워크숍 연습 문제",
    "ex.intro": "연습 문제마다 시작 설정이 있습니다. 시작 설정을 플레이그라운드로 불러와 문제가 허용하는 "
    "손잡이만 바꾼 뒤, 여기로 돌아와 지금 설정을 확인하세요. 힌트는 하나씩 열리고, 진행 상황은 이 "
    "브라우저 세션에 남습니다.",
    "ex.choose": "연습 문제",
    "ex.point": "튜닝 포인트 {point}",
    "ex.goal": "목표",
    "ex.step": "{total}단계 중 {n}단계",
    "ex.load": "시작 설정 불러오기",
    "ex.load.help": "시작 설정을 사이드바에 넣고 플레이그라운드를 엽니다.",
    "ex.check": "지금 설정 확인하기",
    "ex.check.help": "사이드바의 지금 설정을 학습시키고 (캐시에 있으면 가져오고) 목표를 확인합니다.",
    "ex.checking": "설정을 학습시키는 중 …",
    "ex.controls": "바꿔도 되는 것: {controls}",
    "ex.controls_all": "데이터({fixed})를 뺀 모든 것을 바꿔도 됩니다.",
    "ex.locked": "이 문제에서 잠긴 손잡이: {controls}",
    "ex.locked_but": "이 문제에서는 다음을 뺀 모든 손잡이가 잠겨 있습니다: {controls}",
    "ex.unlock": "잠금 풀기",
    "ex.bad_link": "링크의 연습 문제 “{id}”를 찾을 수 없습니다. 목록에서 고르세요.",
    "ex.result": "지금 설정의 확인 결과 ({n}번째 시도)",
    "ex.step_done": "{n}단계 완료. 이제 {next}단계: {goal}",
    "ex.solved": "해결했습니다!",
    "ex.quiz_first": "목표에 도달했습니다. 아래 질문에 답하면 문제가 끝납니다.",
    "ex.not_yet": "아직입니다: 확인 {total}개 중 {n}개 통과.",
    "ex.quiz_title": "질문",
    "ex.quiz_right": "맞습니다.",
    "ex.quiz_wrong": "아쉽습니다. 한 번 더 생각해 보세요.",
    "ex.hints": "힌트",
    "ex.hint_btn": "힌트 보기 ({total}개 중 {shown}개)",
    "ex.hint": "힌트 {n}: {text}",
    "ex.why_title": "왜 이렇게 될까요",
    "ex.reset": "이 문제 처음부터 다시",
    "ex.progress": "나의 진행 상황",
    "ex.progress_bar": "연습 문제 {total}개 중 {solved}개 해결",
    "ex.col.point": "포인트",
    "ex.col.title": "연습 문제",
    "ex.col.status": "상태",
    "ex.col.attempts": "확인 횟수",
    "ex.col.hints": "본 힌트",
    "ex.status.solved": "✓ 해결",
    "ex.status.step": "{total}단계 중 {n}단계",
    "ex.status.open": "—",
    "ex.share": "강사용: 이 연습 문제 공유하기",
    "ex.share_text": "이 페이지 주소 뒤에 붙이세요. `lock=auto`는 문제에 필요 없는 손잡이를 모두 "
    "잠그고, `lock=scaler,loss`처럼 직접 고를 수도 있습니다. 잠금은 학습자의 세션 동안 (다른 문제를 "
    "고르거나 잠금을 풀 때까지) 유지됩니다.",
    "ex.nothing": "없음",
    "ex.run.ok": "정상",
    "ex.run.diverged": "발산",
    "ex.c.converged": "학습이 발산하지 않고 수렴 (상태: {status})",
    "ex.c.test_acc": "테스트 정확도 {target} 이상 (지금 {value})",
    "ex.c.train_acc_by": "에포크 {epoch}까지 학습 정확도 {target} 도달 (지금 도달 에포크: {value})",
    "ex.c.train_loss": "마지막 학습 비용 {target} 이하 (지금 {value})",
    "ex.c.ratio_below": "에포크 0의 기울기 비율 ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖가 {hi}보다 작음 (지금 {value})",
    "ex.c.ratio_above": "에포크 0의 기울기 비율 ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖가 {lo}보다 큼 (지금 {value})",
    "ex.c.ratio": "에포크 0의 기울기 비율 ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖가 {lo}와 {hi} 사이 (지금 {value})",
    "ex.c.units_differ": "은닉층 1의 노드들이 더 이상 똑같지 않음",
    "ex.c.has_overfitting": "진단이 과대적합을 알림",
    "ex.c.no_overfitting": "진단이 더 이상 과대적합을 알리지 않음",
    "ex.c.is": "{controls}: {target} (지금 {value})",
    "ex.c.is_not": "{controls}: {target}이(가) 아님 (지금 {value})",
    "ex.c.at_least": "{controls} {target} 이상 (지금 {value})",
    "ex.c.max_nodes": "은닉 노드가 모두 합쳐 {target}개 이하 (지금 {value})",
    "ex.c.max_size": "은닉층 {depth}개 이하, 층마다 노드 {width}개 이하 (지금 {value})",
    "ex.c.one_change": "앞 단계와 다른 설정이 정확히 하나 (바뀐 것: {changed})",
    "ex.c.only": "바꾼 것은 이것뿐: {controls}",
    "ex.c.only_previous": "앞 단계 이후 바꾼 것은 이것뿐: {controls}",
    "ex.c.also": " (함께 바꾼 것: {changed})",
    "ex.normalizer.title": "Normalizer와 동심원",
    "ex.normalizer.task": "동심원 데이터에 스케일러로 Normalizer (L2)를 썼더니, 신경망이 무엇을 해도 "
    "배우지 못합니다. 왜 그런지 알아낸 뒤, 스케일러만 바꿔서 고쳐 보세요.",
    "ex.normalizer.step.1": "다른 스케일러로 테스트 정확도 90 % 이상에 도달하세요.",
    "ex.normalizer.hint.1": "플레이그라운드에서 ① 스케일러 보기를 열고, 전처리 전과 후의 점을 비교해 "
    "보세요.",
    "ex.normalizer.hint.2": "Normalizer는 각 점(각 행)을 길이 1로 만듭니다. 점이 중심에서 얼마나 "
    "떨어져 있었는지는 어떻게 될까요?",
    "ex.normalizer.hint.3": "표준화(StandardScaler)는 특성마다 따로 작동하고 데이터 모양을 그대로 "
    "둡니다.",
    "ex.normalizer.quiz": "Normalizer를 거친 동심원을 신경망이 배우지 못하는 까닭은?",
    "ex.normalizer.quiz.0": "정규화된 데이터에는 학습률이 너무 작아서.",
    "ex.normalizer.quiz.1": "모든 점이 단위원 위로 옮겨져, 두 클래스를 가르는 유일한 정보인 반지름이 "
    "사라져서.",
    "ex.normalizer.quiz.2": "Normalizer가 테스트 데이터의 레이블을 뒤섞어서.",
    "ex.normalizer.why": "두 클래스는 중심에서의 거리만 다릅니다. Normalizer는 각 점을 그 점의 "
    "노름으로 나누므로 모든 점이 거리 1에 놓이고 각도만 남습니다: 두 클래스가 서로 겹칩니다. 특성마다 "
    "z = (x − μ)/σ를 계산하는 표준화는 거리를 지킵니다.",
    "ex.cancer_scaler.title": "유방암 데이터: 스케일러 없이, 그리고 스케일러로",
    "ex.cancer_scaler.task": "유방암 데이터의 두 특성은 크기가 60배쯤 다릅니다 (mean area ≈ "
    "150–2500, mean texture ≈ 10–40). 스케일러가 없으면 tanh 신경망은 다수 클래스만 예측합니다. 이 "
    "두 특성으로는 89 % 안팎이 최선입니다.",
    "ex.cancer_scaler.step.1": "스케일러 없이 (none 그대로) 테스트 정확도 85 % 이상에 도달하세요: "
    "다른 것은 무엇이든 바꿔도 됩니다.",
    "ex.cancer_scaler.step.2": "시작 설정을 다시 불러와 스케일러만 바꿔서 85 % 이상에 도달하세요.",
    "ex.cancer_scaler.hint.1": "1000에 가까운 입력은 tanh를 평평한 꼬리로 밀어 넣습니다: f′(z) ≈ "
    "0이라 기울기가 사라집니다 (진단을 보세요).",
    "ex.cancer_scaler.hint.2": "스케일러 없이: 평평한 꼬리가 없는 활성화 함수(ReLU, Leaky ReLU)와 "
    "은닉층 하나로 가능합니다.",
    "ex.cancer_scaler.hint.3": "스케일러가 있으면 한 번만 바꾸면 됩니다: StandardScaler나 "
    "MinMaxScaler.",
    "ex.cancer_scaler.why": "경사하강법은 특성의 크기가 비슷할 때 가장 잘 작동합니다. 스케일하지 "
    "않으면 큰 특성이 tanh 노드를 포화시키고 기울기를 독차지해서, 운 좋은 구조만 겨우 배웁니다. "
    "표준화는 두 특성을 같은 눈금에 놓아, 처음 신경망도 바로 배웁니다.",
    "ex.mse_ce.title": "포화된 시작점에서 MSE냐 교차 엔트로피냐",
    "ex.mse_ce.task": "20배 큰 초기 가중치 때문에 시그모이드 노드가 처음부터 포화되어 있습니다. "
    "비용함수가 MSE면 학습이 기어갑니다. 비용함수만 바꿔 보세요.",
    "ex.mse_ce.step.1": "에포크 15까지 학습 정확도 90 %에 도달하세요.",
    "ex.mse_ce.hint.1": "출력에서 MSE의 기울기에는 σ′(z)가 곱해지는데, 시그모이드가 포화된 곳에서는 "
    "≈ 0입니다.",
    "ex.mse_ce.hint.2": "시그모이드 출력에 교차 엔트로피를 쓰면 로짓에 대한 기울기가 그냥 ŷ − y입니다.",
    "ex.mse_ce.quiz": "여기서 교차 엔트로피가 더 빨리 배우는 까닭은?",
    "ex.mse_ce.quiz.0": "학습률이 더 크게 들어 있어서.",
    "ex.mse_ce.quiz.1": "틀린 예측을 무시해서.",
    "ex.mse_ce.quiz.2": "포화된 시그모이드가 틀렸을 때 기울기 ŷ − y가 크게 남지만, MSE의 기울기는 "
    "σ′(z) ≈ 0이 곱해져서.",
    "ex.mse_ce.why": "MSE에서는 ∂L/∂z = 2(ŷ − y)·σ′(z)라서, 자신 있게 틀린 포화 출력은 기울기를 거의 "
    "받지 못합니다. 교차 엔트로피의 로그는 σ′(z)를 지워 ∂L/∂z = ŷ − y가 되고, 가장 많이 틀린 곳에서 "
    "기울기가 가장 큽니다.",
    "ex.vanish_fix.title": "기울기를 없앴다가, 한 번 바꿔 되살리기",
    "ex.vanish_fix.task": "기울기 소실: 입력층 쪽으로 갈수록 기울기가 층마다 줄어들어 앞쪽 층이 거의 "
    "배우지 못합니다. 먼저 기울기 소실을 일으키고, 설정 하나만 바꿔 고쳐 보세요.",
    "ex.vanish_fix.step.1": "첫 층의 기울기를 마지막 층의 1/1000보다 작게 만드세요 (에포크 0에서 "
    "비율 < 1e-3).",
    "ex.vanish_fix.step.2": "그 설정에서 정확히 하나만 바꿔 비율을 1e-2보다 크게 만드세요.",
    "ex.vanish_fix.hint.1": "오차 역전파는 층마다 가중치와 f′(z)를 곱합니다. 시그모이드의 f′는 "
    "최대 0.25입니다.",
    "ex.vanish_fix.hint.2": "1단계: 시그모이드, 많은 층 (예: 6개), 작은 초기 가중치 (배율 0.1).",
    "ex.vanish_fix.hint.3": "2단계: 0 근처에서 도함수가 1인 활성화 함수(tanh, ReLU), 또는 훨씬 적은 "
    "층.",
    "ex.vanish_fix.why": "층마다 기울기에 대략 |w|·f′(z)가 곱해집니다. 시그모이드(f′ ≤ 0.25)와 작은 "
    "가중치면 이 값이 1보다 훨씬 작고, 층이 여섯이면 여섯 번 곱해집니다. tanh와 ReLU는 0 근처에서 "
    "f′ = 1이라 하나만 바꿔도 기울기가 다시 흐릅니다.",
    "ex.zero_init.title": "모든 가중치가 0",
    "ex.zero_init.task": "모든 가중치가 0에서 시작합니다. 학습시켜 보면 아무것도 움직이지 않고 정확도는 "
    "50 %에 머뭅니다. 까닭을 알아내고, 가중치 초기화만 바꿔서 고쳐 보세요.",
    "ex.zero_init.step.1": "은닉층 1의 노드들이 서로 다르고, 테스트 정확도가 90 % 이상.",
    "ex.zero_init.hint.1": "0으로 시작하면 한 층의 노드가 모두 같은 값을 내고 같은 기울기를 받습니다. "
    "언젠가 달라질 수 있을까요?",
    "ex.zero_init.hint.2": "초기 가중치를 무작위로 뽑으세요: tanh와 시그모이드에는 Glorot(Xavier), "
    "ReLU에는 He.",
    "ex.zero_init.quiz": "가중치를 0으로 초기화하면 왜 안 될까요?",
    "ex.zero_init.quiz.0": "한 층의 노드가 똑같이 시작해 똑같이 갱신되므로 계속 똑같습니다 (대칭). "
    "여기 tanh에서는 기울기가 아예 정확히 0입니다.",
    "ex.zero_init.quiz.1": "가중치가 0이면 학습률이 0이 되어서.",
    "ex.zero_init.quiz.2": "최적화 알고리즘이 정확히 0인 파라미터를 건너뛰어서.",
    "ex.zero_init.why": "똑같은 노드는 똑같은 기울기를 받으므로 어떤 갱신도 둘을 구별하지 못합니다: "
    "층 전체가 노드 하나처럼 움직입니다. 무작위 초기 가중치가 이 대칭을 깹니다.",
    "ex.explode_fix.title": "기울기 폭주",
    "ex.explode_fix.task": "노드 32개짜리 tanh 층 여섯 개에 초기 가중치가 20배 큽니다: 기울기가 마지막 "
    "층에서 첫 층으로 가며 200배쯤 커집니다. 가중치 초기화만으로 고쳐 보세요.",
    "ex.explode_fix.step.1": "에포크 0의 기울기 비율이 0.1과 10 사이, 그리고 테스트 정확도 90 % 이상.",
    "ex.explode_fix.hint.1": "기울기 흐름 차트를 보세요: 층마다 기울기에 그 층의 가중치가 곱해집니다.",
    "ex.explode_fix.hint.2": "Glorot의 범위 √(6/(n_in + n_out))는 신호의 크기를 층마다 같게 "
    "유지합니다: 배율을 1로 되돌리세요.",
    "ex.explode_fix.why": "역방향으로 갈 때 층마다 기울기에 가중치 행렬이 곱해집니다. 가중치가 20배 "
    "크면 이 배수가 1보다 크고, 층 여섯 개가 이를 거듭 곱합니다. Glorot과 He는 층의 크기에 맞춰 "
    "가중치를 조절해 이 배수를 1 근처로 둡니다.",
    "ex.largest_lr.title": "SGD의 가장 큰 학습률",
    "ex.largest_lr.task": "학습률 10인 SGD는 첫 에포크에서 발산합니다. 목록에서 아직 수렴하는 가장 큰 "
    "학습률을 찾으세요.",
    "ex.largest_lr.step.1": "학습률 1 이상, 발산 없음, 테스트 정확도 90 % 이상.",
    "ex.largest_lr.hint.1": "한 칸씩 내려가며 (10 → 3 → 1) 비용 곡선의 처음 몇 에포크를 보세요.",
    "ex.largest_lr.hint.2": "걸음이 너무 크면 비용 함수의 골짜기를 건너뛰어 매번 더 높은 곳에 "
    "떨어집니다.",
    "ex.largest_lr.why": "학습률은 기울기 방향으로 내딛는 걸음의 길이입니다. 비용 곡면의 굽은 "
    "정도가 정하는 한계를 넘으면 걸음마다 최솟값을 바로잡는 것보다 더 많이 지나쳐, 비용이 끝없이 "
    "커집니다.",
    "ex.gd_sgd.title": "경사하강법 대 확률적 경사하강법",
    "ex.gd_sgd.task": "전체 배치 경사하강법(배치 크기 0)은 에포크마다 한 걸음입니다: 100 에포크에 "
    "100걸음. 에포크, 최적화 알고리즘, 학습률은 그대로 두고 배치 크기만 바꾸세요.",
    "ex.gd_sgd.step.1": "같은 100 에포크에 마지막 학습 비용 0.15 이하.",
    "ex.gd_sgd.hint.1": "학습 샘플 400개에 배치 크기 16이면 한 에포크가 25걸음입니다.",
    "ex.gd_sgd.hint.2": "배치가 작으면 걸음이 흔들리지만 훨씬 많아집니다.",
    "ex.gd_sgd.quiz": "같은 에포크 수에서 SGD가 더 낮은 비용에 닿는 까닭은?",
    "ex.gd_sgd.quiz.0": "SGD의 한 걸음이 GD의 한 걸음보다 더 정확해서.",
    "ex.gd_sgd.quiz.1": "데이터를 한 번 훑을 때 (흔들리지만) 훨씬 많은 걸음을 내딛어서.",
    "ex.gd_sgd.quiz.2": "학습률을 스스로 올려서.",
    "ex.gd_sgd.why": "미니배치 기울기는 전체 기울기의 흔들리는 추정값이지만 데이터의 일부만 씁니다: "
    "한 에포크에 GD가 한 번 움직일 때 SGD는 25번 움직입니다.",
    "ex.circles_nodes.title": "동심원에는 노드가 몇 개 필요할까",
    "ex.circles_nodes.task": "노드 하나짜리 은닉층은 안쪽 원을 감싸는 닫힌 경계를 그리지 못합니다. "
    "노드 개수만 바꿔 보세요.",
    "ex.circles_nodes.step.1": "노드 3개 이하인 은닉층 하나로 테스트 정확도 95 % 이상.",
    "ex.circles_nodes.hint.1": "은닉 노드 하나가 경계에 직선 하나를 더합니다. 직선 몇 개면 도형이 "
    "닫힐까요?",
    "ex.circles_nodes.hint.2": "강의의 경험적 기준은 입력 2개에 노드 1–2개를 권합니다: 시험해 본 뒤 "
    "하나 더 늘려 보세요.",
    "ex.circles_nodes.why": "tanh 노드 하나는 평면을 직선 하나로 나누고, 출력이 그 조각들을 합칩니다. "
    "직선 두 개는 열린 띠를 남기지만, 세 개면 안쪽 원을 삼각형으로 감쌀 수 있습니다. 노드가 너무 "
    "적으면 과소적합입니다.",
    "ex.xor_smallest.title": "XOR을 푸는 가장 작은 신경망",
    "ex.xor_smallest.task": "(8, 8) 신경망은 XOR을 쉽게 풉니다. 얼마나 작아질 수 있을까요?",
    "ex.xor_smallest.step.1": "은닉 노드 모두 합쳐 3개 이하로 테스트 정확도 90 % 이상.",
    "ex.xor_smallest.hint.1": "은닉층이 없으면 경계는 직선 하나입니다: XOR의 네 사분면에는 "
    "모자랍니다.",
    "ex.xor_smallest.hint.2": "은닉층 하나로 노드를 4, 3, 2개로 줄여 보세요.",
    "ex.xor_smallest.hint.3": "작은 신경망이 막히면 에포크를 늘리거나 학습률을 키워 보세요.",
    "ex.xor_smallest.why": "XOR은 직선 하나로 나눌 수 없습니다. 은닉 노드 몇 개가 평면을 휘어 출력이 "
    "나눌 수 있게 만듭니다. 사분면 데이터에는 노드 세 개면 되고, 두 개로는 안 됩니다.",
    "ex.overfit_l2.title": "일부러 과대적합시킨 뒤 L2로 고치기",
    "ex.overfit_l2.task": "노이즈 많은 샘플 100개, 그 절반은 테스트용입니다. 먼저 신경망이 학습 "
    "데이터를 외우게 만들고, 그다음 L2 정규화만으로 붙잡아 보세요.",
    "ex.overfit_l2.step.1": "진단이 과대적합을 알리게 만드세요 (학습 비용은 내려가는데 테스트 비용이 "
    "오름).",
    "ex.overfit_l2.step.2": "그 설정에서 L2 정규화만 바꿔 진단이 더 이상 과대적합을 알리지 않게 "
    "하세요.",
    "ex.overfit_l2.hint.1": "과대적합에는 용량이 필요합니다: 노드와 층이 많고 (예: 32 × 3) 에포크가 "
    "충분해야 합니다.",
    "ex.overfit_l2.hint.2": "L2는 비용함수에 ½·λ·Σ‖W‖²를 더합니다: 큰 가중치가 비싸지므로 경계가 "
    "매끄러워집니다.",
    "ex.overfit_l2.hint.3": "λ = 0.01, 다음에 0.03을 시도해 보세요.",
    "ex.overfit_l2.why": "가중치가 학습 데이터보다 훨씬 많으면 신경망은 노이즈 낀 점 하나하나를 "
    "돌아가도록 경계를 구부릴 수 있습니다. L2 벌점은 가중치를 작게 묶어 경계를 단순하게 유지합니다.",
    "ex.spiral_small.title": "작은 신경망으로 나선 풀기",
    "ex.spiral_small.task": "서로 감긴 나선 두 개입니다. 시작 신경망(노드 8개짜리 층 2개)은 89 % "
    "안팎에 머뭅니다. 데이터만 빼고 무엇이든 바꿔 보세요.",
    "ex.spiral_small.step.1": "노드 8개 이하인 은닉층 3개 이하로 테스트 정확도 95 % 이상.",
    "ex.spiral_small.hint.1": "여기서는 깊이가 도움이 됩니다: 층마다 평면을 한 번 더 접을 수 있습니다.",
    "ex.spiral_small.hint.2": "최적화 알고리즘을 바꾸기 전에 노드 8개짜리 층 3개를 먼저 시도해 보세요.",
    "ex.spiral_small.hint.3": "ReLU나 ELU, 더 많은 에포크, 학습률 0.03도 도움이 될 수 있습니다.",
    "ex.spiral_small.why": "나선에는 여러 번 도는 경계가 필요합니다. 층을 더하면 아래층이 접은 것을 "
    "다시 접으므로, 노드 8개짜리 세 번째 층이 두 층에 노드를 더하는 것보다 효과가 큽니다.",
}
i18n.register(EN, KO)


# ---- session state ------------------------------------------------------------------------------
def progress(exercise_id: str) -> dict:
    """This session's record of one exercise (created on first use)."""
    all_ = st.session_state.setdefault(PROGRESS, {})
    return all_.setdefault(
        exercise_id,
        {"step": 0, "previous": None, "attempts": 0, "hints": 0, "quiz_ok": False, "last": None},
    )


def is_solved(ex: Exercise) -> bool:
    p = progress(ex.id)
    return p["step"] >= len(ex.steps) and (ex.quiz == 0 or p["quiz_ok"])


def solved_ids() -> set[str]:
    """Ids of the exercises solved in this session."""
    return {ex.id for ex in exercises.EXERCISES if is_solved(ex)}


def apply_link() -> str | None:
    """Read `?exercise=<id>&lock=…` once per distinct link: select the exercise, load its
    starting setup into the sidebar (so locked controls hold the start's values) and lock
    controls. Call before the sidebar renders. Returns an unknown id from the link, else None."""
    qp = st.query_params
    link = (qp.get("exercise"), qp.get("lock", ""))
    if link[0] is None or st.session_state.get("_ex_link") == link:
        return None
    st.session_state["_ex_link"] = link
    if link[0] not in exercises.BY_ID:
        return link[0]
    ex = exercises.BY_ID[link[0]]
    st.session_state[SELECTED] = ex.id
    st.session_state[LOCKED] = exercises.lock_set(ex, link[1])
    sidebar.load_config(ex.start)
    return None


def _on_select() -> None:
    """Another exercise picked: its id into the URL, the instructor's locks released."""
    new = st.session_state[CURRENT]
    st.session_state[SELECTED] = new
    st.query_params["exercise"] = new
    st.query_params.pop("lock", None)
    st.session_state["_ex_link"] = (new, "")
    st.session_state[LOCKED] = set()


def _unlock() -> None:
    st.session_state[LOCKED] = set()
    st.query_params.pop("lock", None)


def _reset(ex: Exercise) -> None:
    st.session_state[PROGRESS].pop(ex.id, None)
    st.session_state.pop(f"ex_quiz_{ex.id}", None)


def _more_hints(ex: Exercise) -> None:
    p = progress(ex.id)
    p["hints"] = min(p["hints"] + 1, ex.hints)


def _answered(ex: Exercise) -> None:
    progress(ex.id)["quiz_ok"] = st.session_state.get(f"ex_quiz_{ex.id}") == ex.answer


# ---- pieces of the page ---------------------------------------------------------------------
def title(ex: Exercise) -> str:
    mark = "✓ " if is_solved(ex) else ""
    return f"{mark}{CIRCLED[ex.point]} {t(f'ex.{ex.id}.title')}"


def _names(controls) -> str:
    return ", ".join(t(c) for c in controls) or t("ex.nothing")


def criterion_text(c: Criterion) -> str:
    """A checklist line in the current language."""
    p = {k: (_names(v) if isinstance(v, tuple) else option_label(v)) for k, v in c.params.items()}
    if c.key == "ex.c.converged":
        p["status"] = t(f"ex.run.{c.params['status']}")
    if c.key.startswith("ex.c.only"):
        text = t(c.key, controls=p["controls"])
        return text + (t("ex.c.also", changed=p["changed"]) if c.params["changed"] else "")
    return t(c.key, **p)


def _checklist(criteria: list[Criterion]) -> None:
    lines = [f"{OK if c.passed else NO} {criterion_text(c)}" for c in criteria]
    st.markdown("  \n".join(lines))


def _controls_note(ex: Exercise) -> None:
    if set(ex.controls) >= set(exercises.MODEL) - {"scaler"}:
        st.caption(t("ex.controls_all", fixed=_names(exercises.DATA)))
    else:
        st.caption(t("ex.controls", controls=_names(ex.controls)))
    locked = sorted(st.session_state.get(LOCKED, set()), key=exercises.CONTROLS.index)
    if not locked:
        return
    free = [c for c in exercises.CONTROLS if c not in locked]
    text = (
        t("ex.locked_but", controls=_names(free))
        if len(locked) > len(free)
        else t("ex.locked", controls=_names(locked))
    )
    st.info(text, icon=":material/lock:")
    st.button(t("ex.unlock"), on_click=_unlock, key="ex_unlock", icon=":material/lock_open:")


def _goal(ex: Exercise, step: int) -> None:
    st.markdown(f"**{t('ex.goal')}**")
    for n in range(1, len(ex.steps) + 1):
        text = t(f"ex.{ex.id}.step.{n}")
        if len(ex.steps) > 1:
            text = f"{t('ex.step', n=n, total=len(ex.steps))}: {text}"
        done = n <= step
        st.markdown(f"{OK if done else (NEXT if n == step + 1 else TODO)} {text}")


def _check(ex: Exercise) -> None:
    """Train the sidebar's setup (cached) and check the current step's goal."""
    p = progress(ex.id)
    config = sidebar.config_from_state()
    try:
        with st.spinner(t("ex.checking")):
            result = train(config)
    except (ValueError, FloatingPointError) as e:
        st.error(t("error.run", error=e))
        return
    step = min(p["step"], len(ex.steps) - 1)
    criteria = exercises.evaluate(ex, step, result, p["previous"])
    p["attempts"] += 1
    p["last"] = (step, criteria)
    if exercises.passed(criteria) and p["step"] < len(ex.steps):
        p["step"] += 1
        if p["step"] < len(ex.steps):  # `previous` stays the config that solved the step before
            p["previous"] = config


def _verdict(ex: Exercise) -> None:
    p = progress(ex.id)
    if p["last"] is None:
        return
    step, criteria = p["last"]
    st.markdown(f"**{t('ex.result', n=p['attempts'])}**")
    _checklist(criteria)
    ok = sum(c.passed for c in criteria)
    if ok < len(criteria):
        st.warning(t("ex.not_yet", n=ok, total=len(criteria)), icon=":material/pending:")
    elif step + 1 < len(ex.steps):
        goal = t(f"ex.{ex.id}.step.{step + 2}")
        st.success(t("ex.step_done", n=step + 1, next=step + 2, goal=goal))
    elif is_solved(ex):
        st.success(t("ex.solved"), icon=":material/celebration:")
    else:
        st.info(t("ex.quiz_first"), icon=":material/quiz:")


def _quiz(ex: Exercise) -> None:
    if not ex.quiz:
        return
    key = f"ex_quiz_{ex.id}"
    st.markdown(f"**{t('ex.quiz_title')}**")
    st.radio(
        t(f"ex.{ex.id}.quiz"),
        range(ex.quiz),
        index=None,
        key=key,
        format_func={k: t(f"ex.{ex.id}.quiz.{k}") for k in range(ex.quiz)}.get,
        on_change=_answered,
        args=(ex,),
    )
    if st.session_state.get(key) is not None:
        right = st.session_state[key] == ex.answer
        (st.success if right else st.warning)(t("ex.quiz_right" if right else "ex.quiz_wrong"))


def _hints(ex: Exercise) -> None:
    p = progress(ex.id)
    st.markdown(f"**{t('ex.hints')}**")
    for n in range(1, p["hints"] + 1):
        st.markdown(
            f":orange[:material/lightbulb:] {t('ex.hint', n=n, text=t(f'ex.{ex.id}.hint.{n}'))}"
        )
    if p["hints"] < ex.hints:
        st.button(
            t("ex.hint_btn", shown=p["hints"], total=ex.hints),
            key=f"ex_hint_{ex.id}",
            on_click=_more_hints,
            args=(ex,),
            icon=":material/lightbulb:",
        )


def _status(ex: Exercise) -> str:
    p = progress(ex.id)
    if is_solved(ex):
        return t("ex.status.solved")
    if p["attempts"] or p["step"]:
        return t("ex.status.step", n=min(p["step"] + 1, len(ex.steps)), total=len(ex.steps))
    return t("ex.status.open")


def _progress_view() -> None:
    st.subheader(t("ex.progress"))
    total = len(exercises.EXERCISES)
    solved = len(solved_ids())
    st.progress(solved / total, t("ex.progress_bar", solved=solved, total=total))
    rows = [
        {
            t("ex.col.point"): CIRCLED[ex.point],
            t("ex.col.title"): t(f"ex.{ex.id}.title"),
            t("ex.col.status"): _status(ex),
            t("ex.col.attempts"): progress(ex.id)["attempts"],
            t("ex.col.hints"): f"{progress(ex.id)['hints']} / {ex.hints}",
        }
        for ex in exercises.EXERCISES
    ]
    st.dataframe(rows, hide_index=True, width="stretch", height=35 * (len(rows) + 1) + 3)


def _share(ex: Exercise) -> None:
    with st.expander(t("ex.share"), icon=":material/share:"):
        st.markdown(t("ex.share_text"))
        st.code(f"?exercise={ex.id}&lock=auto", language=None)
        locks = ",".join(sorted(exercises.lock_set(ex, "auto"), key=exercises.CONTROLS.index))
        st.caption(f"lock=auto → {locks}")


def render(playground_page: st.Page | None = None) -> None:
    """The exercises page; `playground_page` is where "Load starting setup" goes (by default
    a page with url_path "playground", as registered in streamlit_app.py)."""
    bad = apply_link()
    sidebar.render()
    st.title(t("ex.title"))
    st.caption(t("ex.intro"))
    if bad:
        st.warning(t("ex.bad_link", id=bad), icon=":material/link_off:")
    ids = [ex.id for ex in exercises.EXERCISES]
    if st.session_state.get(SELECTED) not in ids:
        st.session_state[SELECTED] = ids[0]
    st.session_state[CURRENT] = st.session_state[SELECTED]
    ex_id = st.selectbox(
        t("ex.choose"),
        ids,
        key=CURRENT,
        on_change=_on_select,
        format_func={e.id: title(e) for e in exercises.EXERCISES}.get,  # labels of this run
    )
    ex = exercises.BY_ID[ex_id]
    p = progress(ex.id)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.caption(t("ex.point", point=t(f"sec.{ex.point}")))
        st.markdown(t(f"ex.{ex.id}.task"))
        goal = st.container()  # filled after a check, so it shows the step reached
        _controls_note(ex)
        c1, c2 = st.columns(2)
        if c1.button(
            t("ex.load"),
            key="ex_load",
            help=t("ex.load.help"),
            width="stretch",
            icon=":material/upload:",
            on_click=sidebar.load_config,
            args=(ex.start,),
        ):
            go_to(playground_page)
        if c2.button(
            t("ex.check"),
            key="ex_check",
            help=t("ex.check.help"),
            type="primary",
            width="stretch",
            icon=":material/task_alt:",
        ):
            _check(ex)
        with goal:
            _goal(ex, p["step"])
        _verdict(ex)
        if p["step"] >= len(ex.steps):
            _quiz(ex)
        if is_solved(ex):
            st.markdown(f"**{t('ex.why_title')}**  \n{t(f'ex.{ex.id}.why')}")
    with right:
        _hints(ex)
        st.button(
            t("ex.reset"),
            key=f"ex_reset_{ex.id}",
            on_click=_reset,
            args=(ex,),
            icon=":material/restart_alt:",
        )
        _share(ex)
    _progress_view()
