"""Learn page: the seven tuning points ①–⑦, back-propagation and vanishing / exploding
gradients, one section at a time: a short explanation, the formulas, a small live picture
computed with the playground's own code, and "Try it" buttons that load a teaching preset."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from playground import data, presets
from playground.app import i18n, playground_page, sidebar
from playground.app.i18n import option_label, t
from playground.app.runs import train
from playground.config import RunConfig
from playground.diagnosis import EXPLODE_RATIO, VANISH_RATIO
from playground.nn import activations, initializers, optimizers
from playground.nn.network import MLP
from playground.preprocessing import make_scaler

CIRCLED = dict(zip("1234567", "①②③④⑤⑥⑦", strict=True))
SECTIONS = ("1", "2", "3", "4", "5", "6", "7", "backprop", "gradients")
SECTION_PRESETS = {
    "1": ("normalizer_circles", "standard_circles"),
    "2": ("mse_saturated", "ce_saturated"),
    "3": ("deep_sigmoid",),
    "4": ("zero_init", "large_weights"),
    "5": ("lr_too_high", "full_batch_gd", "minibatch_sgd"),
    "6": ("too_few_nodes", "too_many_nodes"),
    "7": ("too_many_nodes", "deep_sigmoid"),
    "backprop": (),
    "gradients": ("deep_sigmoid", "large_weights"),
}
BLUE, RED, ORANGE, GREY = "#0877bd", "#d62728", "#f59322", "#888888"
HEIGHT = 260

EN = {
    "learn.nav": "Learn",
    "learn.title": "Learn: the tuning points one by one",
    "learn.intro": "Pick a topic. Each one explains a knob in a few sentences, gives its formulas, "
    "draws a small live picture with the playground's own code, and offers setups to try.",
    "learn.pick": "Topic",
    "learn.sec.1": "① Input",
    "learn.sec.2": "② Cost function",
    "learn.sec.3": "③ Activation",
    "learn.sec.4": "④ Initialization",
    "learn.sec.5": "⑤ Optimizer",
    "learn.sec.6": "⑥ Nodes",
    "learn.sec.7": "⑦ Layers",
    "learn.sec.backprop": "Back-propagation",
    "learn.sec.gradients": "Vanishing & exploding gradients",
    "learn.formulas": "Formulas",
    "learn.picture": "See it",
    "learn.try": "Try it in the playground",
    "learn.try_btn": "Try it",
    "learn.dataset": "Data set",
    "learn.scaler": "Scaler",
    "learn.feature": "feature",
    "learn.value": "value",
    "learn.density": "density",
    "learn.class": "class",
    "learn.before": "before scaling",
    "learn.after": "after: {scaler}",
    # ①
    "learn.1.text": "Features measured on very different scales pull gradient descent in "
    "unequal directions: the largest feature dominates the gradient, and saturating activations "
    "flatten out. Two remedies, fitted on the training split only and then applied to the test "
    "data and the plotting grid:\n\n"
    "- **Standardization** rescales each *feature* to mean 0 and standard deviation 1 "
    "(scikit-learn's `StandardScaler`). It suits roughly Gaussian data and keeps the shape of the "
    "cloud.\n"
    "- **Normalization** divides a *vector* by its norm so that its length is 1 and every element "
    "lies in [−1, 1]. scikit-learn's `Normalizer` does this for each *sample* (row): on 2-D data "
    "every point lands on the unit circle (L2) or diamond (L1), and its distance from the origin "
    "is lost. (The slide divides the whole array by one norm instead: the cloud keeps its shape "
    "and only shrinks.)",
    "learn.1.std_tab": "Standardization",
    "learn.1.norm_tab": "Normalization",
    "learn.1.std_caption": "Each feature's distribution before and after the scaler (training "
    "split of {dataset}).",
    "learn.1.norm_pick": "Norm",
    "learn.1.norm_caption": "Left: the data. Right: the same points after Normalizer({norm}), "
    "with the unit balls of the three norms. Each point's {norm} norm before: {lo} to {hi}; after: "
    "always 1.",
    "learn.1.ball": "unit ball",
    # ②
    "learn.2.text": "The cost function measures how far the predictions are from the truth; "
    "training lowers it. For classification the playground uses **cross entropy**: entropy is the "
    "number of bits an optimal code for p needs; cross entropy is what you pay when you encode p "
    "with the model's distribution q instead. It is smallest, equal to the entropy of p, when q = p, "
    "and grows as q moves away. The alternative, **mean squared error** (MSE), compares "
    "probabilities like numbers; on a sigmoid output it learns slowly once the sigmoid saturates.",
    "learn.2.distance": "Distance between the means of p and q",
    "learn.2.sigma": "Spread of q (σ_q)",
    "learn.2.h_pq": "Cross entropy H(p, q)",
    "learn.2.h_p": "Entropy H(p)",
    "learn.2.kl": "Extra cost H(p, q) − H(p)",
    "learn.2.nats": "{v} nats",
    "learn.2.caption": "p = N(0, 1) (blue) is the truth, q (red) the model. Values computed as "
    "−Σ p(x) log q(x) Δx on the plotted grid.",
    "learn.2.grad_title": "Gradient at the output for a positive example (y = 1)",
    "learn.2.grad_caption": "|∂L/∂z| against the output's logit z. Far left the sigmoid is "
    "saturated and wrong: cross entropy still pushes with ≈ 1, MSE with almost 0.",
    "learn.2.logit": "logit z of the output",
    "learn.2.grad": "|∂L/∂z|",
    "learn.2.loss": "cost function",
    # ③
    "learn.3.text": "A neuron computes a linear function W·x + b and passes it through an "
    "**activation function**. Without it, any stack of layers is still one linear function. The "
    "activation's derivative f′ is what back-propagation multiplies by at every layer: where f′ is "
    "near 0 (the flat tails of sigmoid and tanh) the unit *saturates* and the gradient fades; "
    "ReLU's f′ is exactly 1 for positive inputs and 0 for negative ones (a unit that never fires "
    "is *dead*).",
    "learn.3.pick": "Activation function",
    "learn.3.f": "f(x)",
    "learn.3.df": "f′(x)",
    "learn.3.x": "x",
    "learn.3.curve": "curve",
    "learn.3.saturated": "saturated (f′ < 5 % of its peak)",
    "learn.3.maxout": "Maxout with two pieces, drawn for w = (1, −0.5), b = (0, 0): max(x, −0.5x).",
    # ④
    "learn.4.text": "Before training, every weight is drawn from a distribution: a **normal "
    "distribution** (bell-shaped around 0) or a **uniform distribution** (equally likely within "
    "±r). The spread matters: too small and the signal and the gradient shrink layer by layer "
    "(vanishing), too large and they grow or saturate (exploding). **Glorot (Xavier)** scales the "
    "spread to the layer's inputs and outputs and suits tanh and sigmoid; **He** scales to the "
    "inputs only and suits ReLU. All zeros is the classic mistake: every unit of a layer stays "
    "identical forever. (The slide prints He as √2·√(6/(n_in + n_out)); the playground uses the "
    "fan-in form below, as PyTorch and Keras do.)",
    "learn.4.uniform_col": "uniform distribution U(−r, r)",
    "learn.4.normal_col": "normal distribution N(0, σ²)",
    "learn.4.method": "method",
    "learn.4.random": "random (fixed)",
    "learn.4.pick": "Initializer",
    "learn.4.fan_in": "Inputs of the layer (n_in)",
    "learn.4.fan_out": "Outputs of the layer (n_out)",
    "learn.4.weight": "initial weight",
    "learn.4.count": "count",
    "learn.4.normal": "Theory: σ = {s}. Measured standard deviation: {m}.",
    "learn.4.uniform": "Theory: between −{s} and {s}. Measured: {lo} to {hi}.",
    "learn.4.zeros": "Every weight is exactly 0.",
    "learn.4.caption": "{n} weights of one {i} × {o} layer (seed 0); the red lines mark ±σ or ±r.",
    # ⑤
    "learn.5.text": "**Gradient descent** moves each weight against the gradient of the loss, "
    "found by partial derivatives; the **learning rate** η sets the step. Full-batch gradient "
    "descent uses all training data for each step; **stochastic gradient descent** (SGD) uses "
    "small random batches, many times per epoch: its path is noisy but it gets far in the same "
    "time. A loss can have *local minima* besides its *global minimum*. **Momentum** adds inertia, "
    "so updates continue where the gradient is 0; **AdaGrad** gives each parameter its own "
    "learning rate, smaller for parameters that already moved a lot; **RMSProp** fixes AdaGrad's "
    "rate decaying to nothing by weighting recent gradients more; **Adam** combines momentum and "
    "RMSProp. The rules below are PyTorch's (`torch.optim`), which the playground follows.",
    "learn.5.batch": "g is the mean gradient over a batch B: all training data for gradient descent, "
    "a small random batch for SGD.",
    "learn.5.adamw": "AdamW first shrinks every weight by ηλ (decoupled weight decay λ), then takes "
    "the Adam step.",
    "learn.5.pick": "Optimizer",
    "learn.5.defaults": "Defaults here: {defaults}",
    "learn.5.lab": "Watch the optimizers walk on a loss surface in the Optimizer lab.",
    "learn.5.lab_link": "Open the Optimizer lab",
    "learn.5.lr": "Learning rate η",
    "learn.5.steps_caption": "Gradient descent on L(w) = w² from w = 1: each step is "
    "w ← w − η·2w. Below η = 0.5 it creeps, up to 1 it zigzags but converges, above 1 it diverges.",
    "learn.5.weight": "weight w",
    "learn.5.loss": "loss L(w)",
    "learn.5.step": "step",
    # ⑥
    "learn.6.text": "A single hidden layer can represent any data, given enough **nodes**; more "
    "nodes draw more complex boundaries. Too few nodes cannot follow the data "
    "(**underfitting**); too many, with little or noisy data, learn the noise "
    "(**overfitting**): the training loss keeps falling while the test loss rises. The course "
    "gives rules of thumb for the number of hidden nodes; for the playground's 2 inputs and 1 "
    "output they suggest very small layers: try them, then see what the data actually needs.",
    "learn.6.rules": "Rules of thumb for 2 inputs and 1 output",
    "learn.6.rule": "Rule",
    "learn.6.nodes": "Hidden nodes",
    "learn.6.rule.between": "Between the output and input layer sizes",
    "learn.6.rule.two_thirds": "⅔ of the input size plus the output size",
    "learn.6.rule.twice": "Less than twice the input size",
    "learn.6.sweep": "Train and test accuracy of one hidden layer with 1 … 8 nodes on {dataset} "
    "(tanh, Adam, 150 epochs; trained now and cached).",
    "learn.6.width": "nodes in the hidden layer",
    "learn.accuracy": "accuracy",
    "learn.split": "split",
    "learn.train": "train",
    "learn.test": "test",
    # ⑦
    "learn.7.text": "More **hidden layers** let a network compose simple pieces into complex "
    "shapes: each layer can fold the plane once more, so a deep narrow net can do what a shallow "
    "one needs many nodes for. Depth has costs: more layers to pass the gradient through "
    "(vanishing or exploding gradients) and more capacity to overfit with.",
    "learn.7.sweep": "Train and test accuracy with 0 … 4 hidden layers of 8 nodes on {dataset} "
    "(tanh, Adam, 150 epochs; trained now and cached).",
    "learn.7.depth": "hidden layers",
    "learn.7.params": "P: the number of weights and biases; with 2 inputs, layers of 8 nodes and 1 "
    "output: {list}.",
    "learn.7.layers": "{d} layers: {n}",
    # back-propagation
    "learn.backprop.text": "**Back-propagation** computes every weight's share of "
    "the error in four steps, then lets gradient descent adjust the weights in the direction "
    "that lowers the error. The chain rule does the work: each layer passes the error signal δ "
    "back through its weights and its activation's derivative.",
    "learn.backprop.s1": "**1. Prediction (forward):** each layer's and each node's output.",
    "learn.backprop.s2": "**2. Error:** the difference between the outputs and the true values.",
    "learn.backprop.s3": "**3. Contribution (backward):** each layer's and each node's share of "
    "the error.",
    "learn.backprop.s4": "**4. Weight update:** gradient descent moves each weight to lower the "
    "error.",
    "learn.backprop.page": "Follow one step with real numbers on the back-propagation page.",
    "learn.backprop.link": "Open the back-propagation page",
    # gradients
    "learn.gradients.text": "Back-propagation multiplies the error signal, layer after layer, by "
    "the weights and by f′(z). If those factors are below 1, the gradient shrinks toward the input "
    "layer: a **vanishing gradient**, caused by initial weights that are too small or "
    "an activation whose output range is small for its input (sigmoid, f′ ≤ 0.25). If they are "
    "above 1, it grows: an **exploding gradient**, caused by initial weights that are "
    "too large or an activation whose output range is too large. The playground measures the "
    "ratio ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖ at epoch 0.",
    "learn.gradients.activation": "Activation function",
    "learn.gradients.scale": "Initial weight scale",
    "learn.gradients.depth": "Hidden layers",
    "learn.gradients.width": "Nodes per layer",
    "learn.gradients.layer": "layer (1 = next to the input)",
    "learn.gradients.norm": "gradient norm ‖∂L/∂W‖",
    "learn.gradients.ratio": "Ratio first / last layer",
    "learn.gradients.vanishing": "Vanishing: the first layer gets less than 1/1000 of the last "
    "layer's gradient.",
    "learn.gradients.exploding": "Exploding: the first layer's gradient is over 1000× the last "
    "layer's.",
    "learn.gradients.growing": "Growing toward the input ({ratio}×): on the way to exploding.",
    "learn.gradients.healthy": "The gradient reaches the first layer in good shape.",
    "learn.gradients.caption": "Gradients of a freshly initialized network ({init}) on 200 moons "
    "points (standardized), computed with the playground's MLP; log scale.",
    # presets
    "learn.preset.normalizer": "Normalizer (L2) on the circles",
    "learn.preset.normalizer.about": "Every point moves onto the unit circle: the classes "
    "overlap, test accuracy stays near chance.",
    "learn.preset.standard": "StandardScaler on the circles",
    "learn.preset.standard.about": "The same run with standardization: the radius survives and "
    "the circles are learned.",
    "learn.preset.mse": "MSE on a saturated sigmoid",
    "learn.preset.mse.about": "Weights ×20 saturate the sigmoid units; with MSE the loss hardly "
    "moves for many epochs.",
    "learn.preset.ce": "Cross entropy on the same start",
    "learn.preset.ce.about": "Only the cost function differs: accuracy passes 90 % within ten "
    "epochs.",
    "learn.preset.vanishing": "Deep sigmoid, small weights",
    "learn.preset.vanishing.about": "Six sigmoid layers with weights ×0.1: the first layer's "
    "gradient is a billionth of the last one's.",
    "learn.preset.zeros": "All weights zero",
    "learn.preset.zeros.about": "Every unit of a layer learns the same thing: look at the "
    "neurons view, all units are identical.",
    "learn.preset.exploding": "Large initial weights",
    "learn.preset.exploding.about": "Six tanh layers of 32 with weights ×20: the gradient grows "
    "about 200× toward the input.",
    "learn.preset.lr_high": "Learning rate far too high",
    "learn.preset.lr_high.about": "SGD with η = 10: the loss blows up in the first epoch.",
    "learn.preset.gd": "Full-batch gradient descent",
    "learn.preset.gd.about": "One step per epoch: 100 epochs are 100 steps, and the loss is still "
    "high.",
    "learn.preset.sgd": "Mini-batch SGD, same epochs",
    "learn.preset.sgd.about": "Batches of 16: 25 steps per epoch, and a much lower loss in the "
    "same 100 epochs.",
    "learn.preset.underfit": "Two nodes for the spiral",
    "learn.preset.underfit.about": "Far too few nodes: the boundary cannot follow the arms "
    "(underfitting).",
    "learn.preset.overfit": "Wide deep net, little noisy data",
    "learn.preset.overfit.about": "3 × 32 nodes on 50 training points: the training loss goes to "
    "0 while the test loss climbs (overfitting).",
}

KO = {
    "learn.nav": "배우기",
    "learn.title": "배우기: 튜닝 포인트 하나씩",
    "learn.intro": "주제를 고르세요. 주제마다 손잡이 하나를 몇 문장으로 설명하고, 수식을 보여 주고, "
    "플레이그라운드의 코드로 작은 그림을 그리고, 직접 해 볼 설정을 내놓습니다.",
    "learn.pick": "주제",
    "learn.sec.1": "① 입력 값 전처리",
    "learn.sec.2": "② 비용함수",
    "learn.sec.3": "③ 활성화 함수",
    "learn.sec.4": "④ 가중치 초기화",
    "learn.sec.5": "⑤ 최적화 알고리즘",
    "learn.sec.6": "⑥ 노드 개수",
    "learn.sec.7": "⑦ 레이어 개수",
    "learn.sec.backprop": "오차 역전파",
    "learn.sec.gradients": "기울기 소실과 폭주",
    "learn.formulas": "수식",
    "learn.picture": "그림으로 보기",
    "learn.try": "플레이그라운드에서 해 보기",
    "learn.try_btn": "해 보기",
    "learn.dataset": "데이터 세트",
    "learn.scaler": "스케일러",
    "learn.feature": "특성",
    "learn.value": "값",
    "learn.density": "밀도",
    "learn.class": "클래스",
    "learn.before": "전처리 전",
    "learn.after": "전처리 후: {scaler}",
    "learn.1.text": "특성마다 눈금이 크게 다르면 경사하강법이 고르지 않은 방향으로 끌려갑니다: 가장 큰 "
    "특성이 기울기를 독차지하고, 포화되는 활성화 함수는 평평해집니다. 두 가지 처방이 있으며, 둘 다 학습 "
    "데이터로만 맞춘 뒤 테스트 데이터와 그림의 격자에 똑같이 적용합니다.\n\n"
    "- **표준화**는 각 *특성*을 평균 0, 표준편차 1로 바꿉니다 (scikit-learn의 `StandardScaler`). "
    "대체로 가우시안 분포를 가진 데이터에 쓰며, 데이터 모양은 그대로 둡니다.\n"
    "- **정규화**는 *벡터*를 그 노름으로 나누어 길이를 1로 만듭니다. 그러면 모든 원소의 절댓값이 1 "
    "이하가 됩니다. scikit-learn의 `Normalizer`는 이것을 *샘플*(행)마다 합니다: 2차원 데이터에서는 "
    "모든 점이 단위원(L2)이나 마름모(L1) 위에 놓이고, 원점에서의 거리는 사라집니다. (슬라이드의 "
    "코드는 배열 전체를 노름 하나로 나누므로 데이터 모양은 그대로이고 크기만 줄어듭니다.)",
    "learn.1.std_tab": "표준화",
    "learn.1.norm_tab": "정규화",
    "learn.1.std_caption": "스케일러 전후 각 특성의 분포 ({dataset}의 학습 데이터).",
    "learn.1.norm_pick": "노름",
    "learn.1.norm_caption": "왼쪽: 원래 데이터. 오른쪽: Normalizer({norm})를 거친 같은 점들과 세 "
    "노름의 단위 공. 각 점의 {norm} 노름은 전처리 전 {lo}–{hi}, 후에는 언제나 1입니다.",
    "learn.1.ball": "단위 공",
    "learn.2.text": "비용함수는 예측이 정답에서 얼마나 먼지 잽니다. 학습은 이 값을 낮춥니다. "
    "분류에는 **교차 엔트로피**를 씁니다: 엔트로피는 p를 최적으로 부호화하는 데 필요한 비트 수이고, "
    "교차 엔트로피는 p를 모델의 분포 q로 부호화할 때 드는 정보량입니다. q = p일 때 가장 작아 p의 "
    "엔트로피와 같아지고, q가 멀어질수록 커집니다. 다른 선택인 **평균 제곱 오차**(MSE)는 확률을 "
    "그냥 숫자처럼 비교하므로, 시그모이드 출력이 포화되면 학습이 느려집니다.",
    "learn.2.distance": "p와 q의 평균 사이 거리",
    "learn.2.sigma": "q의 퍼짐 (σ_q)",
    "learn.2.h_pq": "교차 엔트로피 H(p, q)",
    "learn.2.h_p": "엔트로피 H(p)",
    "learn.2.kl": "추가 비용 H(p, q) − H(p)",
    "learn.2.nats": "{v} 내트",
    "learn.2.caption": "p = N(0, 1) (파랑)이 정답, q (빨강)가 모델입니다. 값은 그림의 격자에서 "
    "−Σ p(x) log q(x) Δx로 계산했습니다.",
    "learn.2.grad_title": "정답이 1인 예에서 출력의 기울기",
    "learn.2.grad_caption": "출력 로짓 z에 따른 |∂L/∂z|. 왼쪽 끝은 시그모이드가 포화된 채 틀린 "
    "곳입니다: 교차 엔트로피는 여전히 ≈ 1로 밀지만 MSE는 거의 0입니다.",
    "learn.2.logit": "출력의 로짓 z",
    "learn.2.grad": "|∂L/∂z|",
    "learn.2.loss": "비용함수",
    "learn.3.text": "뉴런은 선형 함수 W·x + b를 계산해 **활성화 함수**에 넣습니다. 활성화 함수가 "
    "없으면 층을 아무리 쌓아도 선형 함수 하나일 뿐입니다. 오차 역전파는 층마다 활성화 함수의 도함수 "
    "f′를 곱합니다: f′가 0에 가까운 곳(시그모이드와 tanh의 평평한 꼬리)에서는 노드가 *포화*되어 "
    "기울기가 흐려집니다. ReLU의 f′는 양수 입력에서 정확히 1, 음수 입력에서 0입니다 (한 번도 켜지지 "
    "않는 노드는 *죽은* 노드입니다).",
    "learn.3.pick": "활성화 함수",
    "learn.3.f": "f(x)",
    "learn.3.df": "f′(x)",
    "learn.3.x": "x",
    "learn.3.curve": "곡선",
    "learn.3.saturated": "포화 구간 (f′가 최댓값의 5 % 미만)",
    "learn.3.maxout": "조각이 둘인 Maxout을 w = (1, −0.5), b = (0, 0)으로 그렸습니다: max(x, −0.5x).",
    "learn.4.text": "학습 전에 모든 가중치를 분포에서 뽑습니다: **정규분포**(0을 중심으로 한 종 "
    "모양)나 **균일분포**(±r 안에서 고르게)입니다. 퍼짐이 중요합니다: 너무 작으면 신호와 기울기가 "
    "층마다 줄어들고(소실), 너무 크면 커지거나 포화됩니다(폭주). **Glorot(Xavier)** 초기화는 층의 입력과 "
    "출력 수에 맞춰 퍼짐을 정하며 tanh와 시그모이드에 알맞고, **He**는 입력 수만 보며 ReLU에 "
    "알맞습니다. 모두 0으로 두는 것은 대표적인 실수입니다: 한 층의 노드가 영원히 똑같습니다. "
    "(슬라이드는 He를 √2·√(6/(n_in + n_out))로 적었지만, 플레이그라운드는 PyTorch와 Keras처럼 아래의 "
    "입력 수 기준 식을 씁니다.)",
    "learn.4.uniform_col": "균일분포 U(−r, r)",
    "learn.4.normal_col": "정규분포 N(0, σ²)",
    "learn.4.method": "방법",
    "learn.4.random": "무작위 (고정)",
    "learn.4.pick": "초기화 방법",
    "learn.4.fan_in": "층의 입력 노드 개수 (n_in)",
    "learn.4.fan_out": "층의 출력 노드 개수 (n_out)",
    "learn.4.weight": "초기 가중치",
    "learn.4.count": "개수",
    "learn.4.normal": "이론: σ = {s}. 측정한 표준편차: {m}.",
    "learn.4.uniform": "이론: −{s}에서 {s} 사이. 측정: {lo}에서 {hi}.",
    "learn.4.zeros": "모든 가중치가 정확히 0입니다.",
    "learn.4.caption": "{i} × {o} 층 하나의 가중치 {n}개 (시드 0). 빨간 선은 ±σ 또는 ±r입니다.",
    "learn.5.text": "**경사하강법**은 편미분으로 구한 비용함수의 기울기 반대 방향으로 가중치를 "
    "옮깁니다. 한 걸음의 크기는 **학습률** η가 정합니다. 전체 배치 경사하강법은 걸음마다 학습 데이터 "
    "전부를 쓰고, **확률적 경사하강법**(SGD)은 작은 무작위 배치로 한 에포크에 여러 번 걸음을 "
    "내딛습니다: 길은 흔들리지만 같은 시간에 더 멀리 갑니다. 비용함수에는 *전역 최솟값* 말고도 "
    "*극솟값*이 있을 수 있습니다. **모멘텀**은 관성을 더해 기울기가 0인 곳에서도 갱신이 이어지게 "
    "하고, **AdaGrad**는 파라미터마다 학습률을 따로 두어 많이 변한 파라미터는 조금만 움직입니다. "
    "**RMSProp**은 AdaGrad의 학습률이 0으로 줄어드는 문제를 최근 기울기에 더 무게를 두어 고치고, "
    "**Adam**은 모멘텀과 RMSProp을 합칩니다. 아래 규칙은 플레이그라운드가 따르는 PyTorch "
    "(`torch.optim`)의 것입니다.",
    "learn.5.batch": "g는 배치 B의 평균 기울기입니다: 경사하강법은 학습 데이터 전체, SGD는 작은 무작위 "
    "배치.",
    "learn.5.adamw": "AdamW는 먼저 모든 가중치를 ηλ만큼 줄이고 (분리된 가중치 감쇠 λ), 그다음 Adam의 "
    "걸음을 내딛습니다.",
    "learn.5.pick": "최적화 알고리즘",
    "learn.5.defaults": "여기서 쓰는 기본값: {defaults}",
    "learn.5.lab": "최적화 실험실에서 최적화 알고리즘이 비용 곡면을 걸어가는 모습을 보세요.",
    "learn.5.lab_link": "최적화 실험실 열기",
    "learn.5.lr": "학습률 η",
    "learn.5.steps_caption": "L(w) = w²에서 w = 1부터 경사하강법: 걸음마다 w ← w − η·2w. η가 "
    "0.5보다 작으면 천천히 가고, 1까지는 지그재그로 수렴하며, 1을 넘으면 발산합니다.",
    "learn.5.weight": "가중치 w",
    "learn.5.loss": "비용 L(w)",
    "learn.5.step": "걸음",
    "learn.6.text": "**노드**가 충분하면 은닉층 하나로도 어떤 데이터든 표현할 수 있고, 노드가 "
    "많을수록 더 복잡한 경계를 그립니다. 노드가 너무 적으면 데이터를 따라가지 못하고(**과소적합**), "
    "데이터가 적거나 노이즈가 많은데 노드가 너무 많으면 노이즈까지 외웁니다(**과대적합**): 학습 "
    "비용은 계속 내려가는데 테스트 비용은 오릅니다. 강의는 은닉 노드 개수에 대한 경험적 기준을 "
    "제시합니다. 플레이그라운드의 입력 2개, 출력 1개에는 아주 작은 층을 권하니, 먼저 시험해 보고 "
    "데이터가 실제로 무엇을 요구하는지 보세요.",
    "learn.6.rules": "입력 2개, 출력 1개일 때의 경험적 기준",
    "learn.6.rule": "기준",
    "learn.6.nodes": "은닉 노드 개수",
    "learn.6.rule.between": "입력층 크기와 출력층 크기 사이",
    "learn.6.rule.two_thirds": "입력층 크기의 2/3에 출력층 크기를 더한 값",
    "learn.6.rule.twice": "입력층 크기의 두 배 미만",
    "learn.6.sweep": "{dataset}에서 노드 1 … 8개인 은닉층 하나의 학습·테스트 정확도 (tanh, Adam, 150 "
    "에포크; 지금 학습하고 캐시에 둡니다).",
    "learn.6.width": "은닉층의 노드 개수",
    "learn.accuracy": "정확도",
    "learn.split": "데이터",
    "learn.train": "학습",
    "learn.test": "테스트",
    "learn.7.text": "**은닉층**이 많으면 단순한 조각을 조합해 복잡한 모양을 만들 수 있습니다: 층마다 "
    "평면을 한 번 더 접을 수 있어서, 깊고 좁은 신경망이 얕은 신경망이라면 노드가 많이 필요한 일을 "
    "해냅니다. 대가도 있습니다: 기울기가 거쳐 가야 할 층이 늘고 (기울기 소실이나 폭주), 과대적합할 "
    "용량도 커집니다.",
    "learn.7.sweep": "{dataset}에서 노드 8개짜리 은닉층 0 … 4개의 학습·테스트 정확도 (tanh, Adam, 150 "
    "에포크; 지금 학습하고 캐시에 둡니다).",
    "learn.7.depth": "은닉층 개수",
    "learn.7.params": "P: 가중치와 편향의 개수. 입력 2개, 노드 8개짜리 층, 출력 1개일 때: {list}.",
    "learn.7.layers": "층 {d}개: {n}",
    "learn.backprop.text": "**오차 역전파**는 네 단계로 가중치마다 오차에 대한 기여도를 계산한 "
    "뒤, 경사하강법으로 오차가 줄어드는 방향으로 가중치를 조정합니다. 연쇄 법칙이 핵심입니다: 층마다 "
    "오차 신호 δ를 가중치와 활성화 함수의 도함수를 거쳐 뒤로 보냅니다.",
    "learn.backprop.s1": "**1. 예측 (정방향):** 각 레이어, 각 노드의 출력 계산.",
    "learn.backprop.s2": "**2. 오차 계산:** 출력과 실제 값의 차이 계산.",
    "learn.backprop.s3": "**3. 영향도 분석 (역방향):** 각 레이어, 각 노드가 오차에 기여한 정도 "
    "계산.",
    "learn.backprop.s4": "**4. 가중치 조정:** 경사하강법으로 오차가 줄어드는 방향으로 가중치 조정.",
    "learn.backprop.page": "오차 역전파 페이지에서 실제 숫자로 한 걸음씩 따라가 보세요.",
    "learn.backprop.link": "오차 역전파 페이지 열기",
    "learn.gradients.text": "오차 역전파는 오차 신호에 층마다 가중치와 f′(z)를 곱합니다. 이 값들이 "
    "1보다 작으면 입력층 쪽으로 갈수록 기울기가 급격히 줄어듭니다: **기울기 소실**입니다. 초기 "
    "가중치가 너무 작거나, 활성화 함수의 출력 구간이 입력에 비해 너무 작을 때 (시그모이드, f′ ≤ "
    "0.25) 생깁니다. 1보다 크면 입력층 쪽으로 갈수록 급격히 커집니다: **기울기 폭주**입니다. 초기 "
    "가중치가 너무 크거나 활성화 함수의 출력 구간이 너무 클 때 생깁니다. 플레이그라운드는 에포크 "
    "0에서 비율 ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖을 잽니다.",
    "learn.gradients.activation": "활성화 함수",
    "learn.gradients.scale": "초기 가중치 배율",
    "learn.gradients.depth": "은닉층 수",
    "learn.gradients.width": "층당 노드 수",
    "learn.gradients.layer": "층 (1 = 입력 쪽)",
    "learn.gradients.norm": "기울기 크기 ‖∂L/∂W‖",
    "learn.gradients.ratio": "첫 층 / 마지막 층 비율",
    "learn.gradients.vanishing": "기울기 소실: 첫 층이 마지막 층 기울기의 1/1000도 받지 못합니다.",
    "learn.gradients.exploding": "기울기 폭주: 첫 층의 기울기가 마지막 층의 1000배를 넘습니다.",
    "learn.gradients.growing": "입력 쪽으로 갈수록 커집니다 ({ratio}배): 폭주로 가는 길입니다.",
    "learn.gradients.healthy": "기울기가 첫 층까지 잘 전달됩니다.",
    "learn.gradients.caption": "막 초기화한 신경망({init})의 기울기. 표준화한 moons 점 200개에서 "
    "플레이그라운드의 MLP로 계산했습니다. 로그 눈금.",
    "learn.preset.normalizer": "동심원에 Normalizer (L2)",
    "learn.preset.normalizer.about": "모든 점이 단위원 위로 옮겨져 두 클래스가 겹칩니다: 테스트 "
    "정확도가 찍기 수준에 머뭅니다.",
    "learn.preset.standard": "동심원에 StandardScaler",
    "learn.preset.standard.about": "같은 실행을 표준화로: 반지름이 살아남아 동심원을 배웁니다.",
    "learn.preset.mse": "포화된 시그모이드에 MSE",
    "learn.preset.mse.about": "가중치 ×20이 시그모이드 노드를 포화시킵니다. MSE로는 비용이 여러 "
    "에포크 동안 거의 움직이지 않습니다.",
    "learn.preset.ce": "같은 시작점에 교차 엔트로피",
    "learn.preset.ce.about": "비용함수만 다릅니다: 열 에포크 안에 정확도가 90 %를 넘습니다.",
    "learn.preset.vanishing": "깊은 시그모이드, 작은 가중치",
    "learn.preset.vanishing.about": "가중치 ×0.1인 시그모이드 층 여섯 개: 첫 층의 기울기가 마지막 "
    "층의 10억분의 1입니다.",
    "learn.preset.zeros": "모든 가중치 0",
    "learn.preset.zeros.about": "한 층의 노드가 모두 똑같이 배웁니다: 뉴런 보기에서 모든 노드가 "
    "같습니다.",
    "learn.preset.exploding": "큰 초기 가중치",
    "learn.preset.exploding.about": "가중치 ×20인 노드 32개짜리 tanh 층 여섯 개: 기울기가 입력 쪽으로 "
    "200배쯤 커집니다.",
    "learn.preset.lr_high": "너무 큰 학습률",
    "learn.preset.lr_high.about": "η = 10인 SGD: 첫 에포크에서 비용이 터집니다.",
    "learn.preset.gd": "전체 배치 경사하강법",
    "learn.preset.gd.about": "에포크마다 한 걸음: 100 에포크가 100걸음이고, 비용이 아직 높습니다.",
    "learn.preset.sgd": "미니배치 SGD, 같은 에포크",
    "learn.preset.sgd.about": "배치 16: 에포크마다 25걸음, 같은 100 에포크에 비용이 훨씬 낮습니다.",
    "learn.preset.underfit": "나선에 노드 두 개",
    "learn.preset.underfit.about": "노드가 너무 적어 경계가 나선 팔을 따라가지 못합니다 (과소적합).",
    "learn.preset.overfit": "넓고 깊은 신경망, 적고 시끄러운 데이터",
    "learn.preset.overfit.about": "학습 데이터 50개에 노드 32개짜리 층 셋: 학습 비용은 0으로 가는데 "
    "테스트 비용은 오릅니다 (과대적합).",
}
i18n.register(EN, KO)

# ---- formulas (LaTeX, the same in both languages) ------------------------------------------------
STANDARDIZE = r"z = \frac{x - \mu}{\sigma}"
P_NORM = r"\lVert x \rVert_p = \Big(\sum_{i=1}^{n} |x_i|^p\Big)^{1/p},\quad \lVert x \rVert_1 = \sum_i |x_i|,\quad \lVert x \rVert_2 = \sqrt{\textstyle\sum_i x_i^2},\quad \lVert x \rVert_\infty = \max_i |x_i|"
NORMALIZE = r"\mathrm{Normalization}(x) = \frac{x}{\lVert x \rVert_p}"
CROSS_ENTROPY = r"H(p, q) = -\sum_x p(x)\,\log q(x) \qquad H(p, q) = -\int p(x)\,\log q(x)\,dx"
BINARY_CE = r"L_{\mathrm{CE}} = -\big[y \log \hat y + (1 - y)\log(1 - \hat y)\big],\quad \frac{\partial L_{\mathrm{CE}}}{\partial z} = \hat y - y \qquad L_{\mathrm{MSE}} = (\hat y - y)^2,\quad \frac{\partial L_{\mathrm{MSE}}}{\partial z} = 2(\hat y - y)\,\sigma'(z)"
ACTIVATION_TEX = {
    "linear": (r"f(x) = x", r"f'(x) = 1"),
    "sigmoid": (
        r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        r"\sigma'(x) = \sigma(x)\,\big(1 - \sigma(x)\big)",
    ),
    "tanh": (r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}", r"\tanh'(x) = 1 - \tanh^2(x)"),
    "relu": (r"f(x) = \max(0, x)", r"f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}"),
    "leaky_relu": (
        r"f(x) = \max(0.1x,\ x)",
        r"f'(x) = \begin{cases} 1 & x > 0 \\ 0.1 & x \le 0 \end{cases}",
    ),
    "elu": (
        r"f(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}\quad (\alpha = 1)",
        r"f'(x) = \begin{cases} 1 & x > 0 \\ f(x) + \alpha & x \le 0 \end{cases}",
    ),
    "maxout": (
        r"f(x) = \max(w_1^{\top}x + b_1,\ w_2^{\top}x + b_2)",
        r"\frac{\partial f}{\partial x} = w_k,\quad k = \arg\max_j\,(w_j^{\top}x + b_j)",
    ),
    "selu": (
        r"f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}\quad (\lambda \approx 1.0507,\ \alpha \approx 1.6733)",
        r"f'(x) = \begin{cases} \lambda & x > 0 \\ f(x) + \lambda\alpha & x \le 0 \end{cases}",
    ),
    "gelu": (
        r"f(x) = \tfrac{1}{2}x\,\big(1 + \tanh u\big),\quad u = \sqrt{2/\pi}\,(x + 0.044715\,x^3)",
        r"f'(x) = \tfrac{1}{2}(1 + \tanh u) + \tfrac{1}{2}x\,(1 - \tanh^2 u)\,\sqrt{2/\pi}\,(1 + 3\cdot 0.044715\,x^2)",
    ),
    "swish": (r"f(x) = x\,\sigma(x)", r"f'(x) = \sigma(x)\,\big(1 + x\,(1 - \sigma(x))\big)"),
    "softplus": (r"f(x) = \log(1 + e^{x})", r"f'(x) = \sigma(x)"),
}
INIT_ROWS = (  # (method, uniform range r, normal spread σ), as in playground/nn/initializers.py
    (
        "Glorot (Xavier)",
        r"r = \sqrt{6/(n_{in} + n_{out})}",
        r"\sigma = \sqrt{2/(n_{in} + n_{out})}",
    ),
    ("He", r"r = \sqrt{6/n_{in}}", r"\sigma = \sqrt{2/n_{in}}"),
    ("LeCun", r"r = \sqrt{3/n_{in}}", r"\sigma = \sqrt{1/n_{in}}"),
    ("random", r"r = 0.05", r"\sigma = 0.05"),
)
# (distribution, spread as a function of (n_in, n_out)), as in playground/nn/initializers.py
INIT_SPREAD = {
    "zeros": ("zeros", lambda i, o: 0.0),
    "random_normal": ("normal", lambda i, o: 0.05),
    "random_uniform": ("uniform", lambda i, o: 0.05),
    "glorot_normal": ("normal", lambda i, o: np.sqrt(2 / (i + o))),
    "glorot_uniform": ("uniform", lambda i, o: np.sqrt(6 / (i + o))),
    "he_normal": ("normal", lambda i, o: np.sqrt(2 / i)),
    "he_uniform": ("uniform", lambda i, o: np.sqrt(6 / i)),
    "lecun_normal": ("normal", lambda i, o: np.sqrt(1 / i)),
    "lecun_uniform": ("uniform", lambda i, o: np.sqrt(3 / i)),
}
RULES_TEX = r"n_{out} \le n_{hidden} \le n_{in},\qquad n_{hidden} = \tfrac{2}{3}\,n_{in} + n_{out},\qquad n_{hidden} < 2\,n_{in}"
GD_TEX = r"\theta \leftarrow \theta - \eta\, g,\qquad g = \frac{1}{|B|}\sum_{i \in B} \nabla_\theta\, \ell_i(\theta)"
OPTIMIZER_TEX = {
    "sgd": r"\theta \leftarrow \theta - \eta\, g",
    "momentum": r"v \leftarrow \mu v + g,\qquad \theta \leftarrow \theta - \eta\, v",
    "nesterov": r"v \leftarrow \mu v + g,\qquad \theta \leftarrow \theta - \eta\,(g + \mu v)",
    "adagrad": r"G \leftarrow G + g^2,\qquad \theta \leftarrow \theta - \eta\,\frac{g}{\sqrt{G} + \epsilon}",
    "rmsprop": r"s \leftarrow \alpha s + (1 - \alpha)\, g^2,\qquad \theta \leftarrow \theta - \eta\,\frac{g}{\sqrt{s} + \epsilon}",
    "adam": r"m \leftarrow \beta_1 m + (1 - \beta_1) g,\quad v \leftarrow \beta_2 v + (1 - \beta_2) g^2,\quad \hat m = \frac{m}{1 - \beta_1^t},\quad \hat v = \frac{v}{1 - \beta_2^t},\quad \theta \leftarrow \theta - \eta\,\frac{\hat m}{\sqrt{\hat v} + \epsilon}",
    "adamw": r"\theta \leftarrow \theta\,(1 - \eta\lambda),\qquad \theta \leftarrow \theta - \eta\,\frac{\hat m}{\sqrt{\hat v} + \epsilon}",
}
BACKPROP_TEX = (
    r"z^{l} = a^{l-1} W^{l} + b^{l},\qquad a^{l} = f(z^{l}),\qquad a^{0} = x",
    r"L = \mathrm{CE}(\hat y, y),\qquad \delta^{L} = \frac{\partial L}{\partial z^{L}} = \hat y - y",
    r"\delta^{l} = \big(\delta^{l+1}\, W^{l+1\,\top}\big) \odot f'(z^{l}),\qquad \frac{\partial L}{\partial W^{l}} = a^{l-1\,\top}\,\delta^{l},\qquad \frac{\partial L}{\partial b^{l}} = \textstyle\sum \delta^{l}",
    r"W^{l} \leftarrow W^{l} - \eta\,\frac{\partial L}{\partial W^{l}}",
)
GRADIENT_TEX = r"\frac{\partial L}{\partial a^{1}} = \delta^{L}\, W^{L\top} \prod_{l=2}^{L-1} \mathrm{diag}\big(f'(z^{l})\big)\, W^{l\top} \quad\Rightarrow\quad \Big\lVert \frac{\partial L}{\partial W^{1}} \Big\rVert \sim \prod_l \lVert W^{l} \rVert\, \lvert f'(z^{l}) \rvert"


# ---- data for the pictures (pure functions) ------------------------------------------------------
def scaled_features(
    dataset: str, scaler: str, n: int = 300
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(X, X after `scaler` fitted on X, y) of a data set's training-size sample."""
    X, y = data.make_dataset(dataset, n, 0.2, 0)
    return X, make_scaler(scaler).fit(X).transform(X), y


def densities(X: np.ndarray, names: tuple[str, str], points: int = 120) -> pd.DataFrame:
    """Gaussian-kernel density of each column (Scott's bandwidth): feature, value, density."""
    rows = []
    for j, name in enumerate(names):
        x = X[:, j]
        sd = float(np.std(x)) or 1.0
        bw = 1.06 * sd * len(x) ** (-1 / 5)
        grid = np.linspace(x.min() - 2 * bw, x.max() + 2 * bw, points)
        dens = np.exp(-0.5 * ((grid[:, None] - x[None, :]) / bw) ** 2).mean(1) / (
            bw * np.sqrt(2 * np.pi)
        )
        rows.append(pd.DataFrame({"feature": name, "value": grid, "density": dens}))
    return pd.concat(rows, ignore_index=True)


def unit_ball(norm: str, points: int = 181) -> np.ndarray:
    """Points (points, 2) on the unit sphere of the L1, L2 or max norm."""
    a = np.linspace(0, 2 * np.pi, points)
    c, s = np.cos(a), np.sin(a)
    scale = {
        "l1": np.abs(c) + np.abs(s),
        "l2": np.ones_like(a),
        "max": np.maximum(np.abs(c), np.abs(s)),
    }
    return np.column_stack([c, s]) / scale[norm][:, None]


def gaussian(x: np.ndarray, mu: float, sigma: float) -> np.ndarray:
    return np.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * np.sqrt(2 * np.pi))


def cross_entropy_numeric(
    distance: float, sigma_q: float = 1.0
) -> tuple[pd.DataFrame, float, float]:
    """p = N(0, 1), q = N(distance, σ_q²) on a grid; H(p, q) and H(p) in nats by −Σ p log q Δx."""
    x = np.linspace(-6, 10, 1601)
    p, q = gaussian(x, 0, 1), gaussian(x, distance, sigma_q)
    dx = x[1] - x[0]
    h_pq = float(
        -np.sum(p * (-0.5 * ((x - distance) / sigma_q) ** 2 - np.log(sigma_q * np.sqrt(2 * np.pi))))
        * dx
    )
    h_p = float(-np.sum(p * (-0.5 * x**2 - np.log(np.sqrt(2 * np.pi)))) * dx)
    df = pd.DataFrame(
        {"x": np.r_[x, x], "density": np.r_[p, q], "dist": ["p"] * len(x) + ["q"] * len(x)}
    )
    return df[(df.x > -4.5) & (df.x < 8.5)].iloc[::4], h_pq, h_p


def output_gradients(z: np.ndarray) -> pd.DataFrame:
    """|∂L/∂z| at a sigmoid output for y = 1: cross entropy ŷ − 1, MSE 2(ŷ − 1)·ŷ(1 − ŷ)."""
    s = activations.get("sigmoid").f(z)
    ce, mse = np.abs(s - 1), np.abs(2 * (s - 1) * s * (1 - s))
    return pd.DataFrame(
        {
            "z": np.r_[z, z],
            "grad": np.r_[ce, mse],
            "loss": [option_label("cross_entropy")] * len(z) + [option_label("mse")] * len(z),
        }
    )


MAXOUT_W = np.array([1.0, -0.5])  # the two pieces drawn for maxout: max(x, −0.5x)


def activation_curve(name: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """f(x) and f′(x) from playground.nn.activations (maxout: pieces w = (1, −0.5), b = 0)."""
    act = activations.get(name)
    if act.df is None:
        z = x[:, None] * MAXOUT_W[None, :]  # (n, 2): the two pieces of one unit
        a = act.forward(z)
        grads = act.backward(z, a, np.ones_like(a))
        return a[:, 0], grads @ MAXOUT_W
    z = x[:, None]
    a = act.forward(z)
    return a[:, 0], act.df(z, a)[:, 0]


def initial_weights(name: str, fan_in: int, fan_out: int) -> np.ndarray:
    return initializers.get(name)((fan_in, fan_out), np.random.default_rng(0)).ravel()


def gd_path(lr: float, steps: int = 12, w0: float = 1.0) -> np.ndarray:
    """Gradient descent on L(w) = w² from w0: w ← w − η·2w."""
    w = [w0]
    for _ in range(steps):
        w.append(w[-1] - lr * 2 * w[-1])
    return np.array(w)


def gradient_norms(
    activation: str, init_scale: float, depth: int, width: int, initializer: str
) -> np.ndarray:
    """‖∂L/∂W_l‖ for l = 1 … depth + 1 of a fresh MLP on 200 standardized moons points."""
    X, y = data.make_dataset("moons", 200, 0.2, 0)
    X = make_scaler("standard").fit_transform(X)
    net = MLP(
        [2, *([width] * depth), 1],
        activation,
        "sigmoid",
        initializer,
        init_scale=init_scale,
        seed=0,
    )
    with np.errstate(all="ignore"):
        _, grads = net.loss_and_grads(X, y)
    return np.array([float(np.linalg.norm(g)) for g in grads[0::2]])


def n_params(hidden: tuple[int, ...], n_in: int = 2, n_out: int = 1) -> int:
    sizes = [n_in, *hidden, n_out]
    return sum((a + 1) * b for a, b in zip(sizes, sizes[1:], strict=False))


@st.cache_data(max_entries=16, show_spinner=False)
def sweep(dataset: str, field: str, values: tuple[int, ...]) -> pd.DataFrame:
    """Final train/test accuracy for hidden = (v,) (field "width") or (8,) * v ("depth")."""
    rows = []
    for v in values:
        hidden = (v,) if field == "width" else (8,) * v
        r = train(RunConfig(dataset=dataset, hidden=hidden, epochs=150, n_samples=300))
        for split in ("train", "test"):
            rows.append({field: v, "split": split, "accuracy": float(r.final[f"{split}_accuracy"])})
    return pd.DataFrame(rows)


# ---- page plumbing -------------------------------------------------------------------------------
def playground_target() -> st.Page:
    """The playground page as registered in streamlit_app.py (pages match by url_path)."""
    return st.Page(playground_page.render, title=t("nav.playground"), url_path="playground")


def go_to(page: st.Page | None) -> None:
    """Switch to `page` (default: the playground). `query_params={}` replaces the URL's
    parameters without the bound-widget check that a plain switch (which clears them) fails on
    when the current page draws the sidebar's URL-bound widgets; the playground's widgets then
    write their (just loaded) values back into the URL."""
    st.switch_page(page or playground_target(), query_params={})


def _try_it(section: str, target: st.Page | None) -> None:
    ids = SECTION_PRESETS[section]
    if not ids:
        return
    st.markdown(f"#### {t('learn.try')}")
    cols = st.columns(len(ids))
    for col, pid in zip(cols, ids, strict=True):
        preset = presets.get(pid)
        with col.container(border=True):
            st.markdown(f"**{t(f'learn.preset.{preset.key}')}**")
            st.caption(t(f"learn.preset.{preset.key}.about"))
            if st.button(
                t("learn.try_btn"),
                key=f"try_{section}_{pid}",
                icon=":material/play_arrow:",
                on_click=sidebar.load_config,
                args=(preset.config,),
            ):
                go_to(target)


def _heading(key: str) -> None:
    st.markdown(f"#### {t(key)}")


def _class_color(y: np.ndarray) -> alt.Color:
    return alt.Color(
        "class:N", scale=alt.Scale(range=[ORANGE, BLUE, "#009e73"]), title=t("learn.class")
    )


# ---- the sections ---------------------------------------------------------------------------------
def section_1(pages: dict) -> None:
    st.markdown(t("learn.1.text"))
    _heading("learn.formulas")
    for tex in (STANDARDIZE, P_NORM, NORMALIZE):
        st.latex(tex)
    _heading("learn.picture")
    std_tab, norm_tab = st.tabs([t("learn.1.std_tab"), t("learn.1.norm_tab")])
    with std_tab:
        c1, c2 = st.columns(2)
        names = ("breast_cancer", "moons", "circles", "gaussians", "iris", "spiral")
        dataset = c1.selectbox(
            t("learn.dataset"), names, format_func=option_label, key="learn_1_data"
        )
        scaler = c2.selectbox(
            t("learn.scaler"),
            ("standard", "minmax", "normalizer_l2", "none"),
            format_func=option_label,
            key="learn_1_scaler",
        )
        X, Xs, _ = scaled_features(dataset, scaler)
        features = data.get(dataset).feature_names
        panels = []
        for title, values in (
            (t("learn.before"), X),
            (t("learn.after", scaler=option_label(scaler)), Xs),
        ):
            df = densities(values, features).rename(columns={"feature": t("learn.feature")})
            panels.append(
                alt.Chart(df, title=title)
                .mark_line()
                .encode(
                    x=alt.X("value:Q", title=t("learn.value")),
                    y=alt.Y("density:Q", title=t("learn.density")),
                    color=alt.Color(f"{t('learn.feature')}:N", scale=alt.Scale(range=[BLUE, RED])),
                )
                .properties(width=300, height=200)
            )
        st.altair_chart(alt.hconcat(*panels).resolve_scale(x="independent", y="independent"))
        st.caption(t("learn.1.std_caption", dataset=option_label(dataset)))
    with norm_tab:
        c1, c2 = st.columns(2)
        dataset = c1.selectbox(
            t("learn.dataset"),
            ("circles", "moons", "gaussians", "xor"),
            format_func=option_label,
            key="learn_1_ndata",
        )
        norm = c2.segmented_control(
            t("learn.1.norm_pick"),
            ("l2", "l1", "max"),
            default="l2",
            required=True,
            key="learn_1_norm",
        )
        X, Xn, y = scaled_features(dataset, f"normalizer_{norm}")
        st.altair_chart(_normalizer_chart(X, Xn, y, norm))
        r = np.linalg.norm(X, ord={"l1": 1, "l2": 2, "max": np.inf}[norm], axis=1)
        st.caption(t("learn.1.norm_caption", norm=norm, lo=f"{r.min():.2f}", hi=f"{r.max():.2f}"))


def _normalizer_chart(X: np.ndarray, Xn: np.ndarray, y: np.ndarray, norm: str) -> alt.HConcatChart:
    cls = [str(c) for c in y]
    before = (
        alt.Chart(pd.DataFrame({"x": X[:, 0], "y": X[:, 1], "class": cls}), title=t("learn.before"))
        .mark_circle(size=18, opacity=0.7)
        .encode(x=alt.X("x:Q", title="x1"), y=alt.Y("y:Q", title="x2"), color=_class_color(y))
        .properties(width=260, height=260)
    )
    balls = pd.concat(
        [
            pd.DataFrame({"x": b[:, 0], "y": b[:, 1], "i": range(len(b)), "norm": name})
            for name in ("l1", "l2", "max")
            for b in [unit_ball(name)]
        ]
    )
    rings = (
        alt.Chart(balls)
        .mark_line(strokeDash=[4, 3], opacity=0.8)
        .encode(
            x=alt.X("x:Q", title="x1", scale=alt.Scale(domain=[-1.2, 1.2])),
            y=alt.Y("y:Q", title="x2", scale=alt.Scale(domain=[-1.2, 1.2])),
            order="i:Q",
            detail="norm:N",
            strokeDash=alt.StrokeDash("norm:N", title=t("learn.1.ball")),
        )
    )
    jitter = np.random.default_rng(0).normal(0, 0.01, Xn.shape)  # overlapping points stay visible
    after = (
        alt.Chart(
            pd.DataFrame({"x": Xn[:, 0] + jitter[:, 0], "y": Xn[:, 1] + jitter[:, 1], "class": cls})
        )
        .mark_circle(size=18, opacity=0.6)
        .encode(x="x:Q", y="y:Q", color=_class_color(y))
    )
    right = alt.layer(
        rings, after, title=t("learn.after", scaler=f"Normalizer ({norm})")
    ).properties(width=260, height=260)
    return alt.hconcat(before, right).resolve_scale(
        x="independent", y="independent", strokeDash="independent"
    )


def section_2(pages: dict) -> None:
    st.markdown(t("learn.2.text"))
    _heading("learn.formulas")
    st.latex(CROSS_ENTROPY)
    st.latex(BINARY_CE)
    _heading("learn.picture")
    c1, c2 = st.columns(2)
    d = c1.slider(t("learn.2.distance"), 0.0, 4.0, 2.5, 0.1, key="learn_2_d")
    s = c2.slider(t("learn.2.sigma"), 0.5, 2.0, 1.0, 0.1, key="learn_2_s")
    df, h_pq, h_p = cross_entropy_numeric(d, s)
    m1, m2, m3 = st.columns(3)
    m1.metric(t("learn.2.h_pq"), t("learn.2.nats", v=f"{h_pq:.3f}"))
    m2.metric(t("learn.2.h_p"), t("learn.2.nats", v=f"{h_p:.3f}"))
    m3.metric(t("learn.2.kl"), t("learn.2.nats", v=f"{h_pq - h_p:.3f}"))
    chart = (
        alt.Chart(df)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("x:Q", title="x"),
            y=alt.Y("density:Q", title=t("learn.density")),
            color=alt.Color(
                "dist:N", scale=alt.Scale(domain=["p", "q"], range=[BLUE, RED]), title=None
            ),
        )
        .properties(height=HEIGHT, width="container")
    )
    st.altair_chart(chart, width="stretch")
    st.caption(t("learn.2.caption"))
    st.markdown(f"**{t('learn.2.grad_title')}**")
    g = output_gradients(np.linspace(-8, 8, 161))
    st.altair_chart(
        alt.Chart(g)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("z:Q", title=t("learn.2.logit")),
            y=alt.Y("grad:Q", title=t("learn.2.grad")),
            color=alt.Color(
                "loss:N", scale=alt.Scale(range=[BLUE, ORANGE]), title=t("learn.2.loss")
            ),
        )
        .properties(height=220, width="container"),
        width="stretch",
    )
    st.caption(t("learn.2.grad_caption"))


def section_3(pages: dict) -> None:
    st.markdown(t("learn.3.text"))
    names = [n for n in activations.NAMES if n in ACTIVATION_TEX]
    name = st.segmented_control(
        t("learn.3.pick"),
        names,
        default="sigmoid",
        required=True,
        format_func=option_label,
        key="learn_3_act",
    )
    _heading("learn.formulas")
    f_tex, df_tex = ACTIVATION_TEX[name]
    st.latex(f_tex)
    st.latex(df_tex)
    _heading("learn.picture")
    x = np.linspace(-5, 5, 401)
    f, df = activation_curve(name, x)
    long = pd.DataFrame(
        {
            "x": np.r_[x, x],
            "y": np.r_[f, df],
            "curve": [t("learn.3.f")] * len(x) + [t("learn.3.df")] * len(x),
        }
    )
    lines = (
        alt.Chart(long)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("x:Q", title=t("learn.3.x")),
            y=alt.Y("y:Q", title=None),
            color=alt.Color(
                "curve:N", scale=alt.Scale(range=[BLUE, ORANGE]), title=t("learn.3.curve")
            ),
        )
    )
    layers = [lines]
    peak = activations.get(name).peak
    if peak:
        sat = x[np.abs(df) < 0.05 * peak]
        if sat.size:
            band = pd.DataFrame(
                {
                    "x": [x.min(), sat[sat > 0].min() if (sat > 0).any() else x.max()],
                    "x2": [sat[sat < 0].max() if (sat < 0).any() else x.min(), x.max()],
                }
            )
            band["what"] = t("learn.3.saturated")
            layers.insert(
                0,
                alt.Chart(band)
                .mark_rect(opacity=0.12, color=RED)
                .encode(x="x:Q", x2="x2:Q", tooltip="what:N"),
            )
            st.caption(f":red[▮] {t('learn.3.saturated')}")
    st.altair_chart(
        alt.layer(*layers).properties(height=HEIGHT, width="container"), width="stretch"
    )
    if name == "maxout":
        st.caption(t("learn.3.maxout"))


def init_table() -> str:
    """Glorot / He / LeCun / random in a markdown table with inline LaTeX."""
    head = f"| {t('learn.4.method')} | {t('learn.4.uniform_col')} | {t('learn.4.normal_col')} |"
    rows = [head, "|---|---|---|"]
    for name, r, sigma in INIT_ROWS:
        label = t("learn.4.random") if name == "random" else name
        rows.append(f"| {label} | ${r}$ | ${sigma}$ |")
    return "\n".join(rows)


def section_4(pages: dict) -> None:
    st.markdown(t("learn.4.text"))
    _heading("learn.formulas")
    st.latex(r"W \sim U(-r,\ r) \qquad W \sim N(0,\ \sigma^2)")
    st.markdown(init_table())
    _heading("learn.picture")
    c1, c2, c3 = st.columns(3)
    name = c1.selectbox(
        t("learn.4.pick"),
        initializers.NAMES,
        index=initializers.NAMES.index("glorot_uniform"),
        format_func=option_label,
        key="learn_4_init",
    )
    fan_in = c2.select_slider(
        t("learn.4.fan_in"), (2, 4, 8, 16, 32, 64, 128, 256), 64, key="learn_4_in"
    )
    fan_out = c3.select_slider(
        t("learn.4.fan_out"), (1, 2, 4, 8, 16, 32, 64, 128, 256), 64, key="learn_4_out"
    )
    w = initial_weights(name, fan_in, fan_out)
    kind, spread = INIT_SPREAD[name][0], float(INIT_SPREAD[name][1](fan_in, fan_out))
    lim = max(spread * (3 if kind == "normal" else 1.2), 0.05)
    counts, edges = np.histogram(w, bins=41, range=(-lim, lim))
    hist = pd.DataFrame({"lo": edges[:-1], "hi": edges[1:], "count": counts})
    bars = (
        alt.Chart(hist)
        .mark_bar(color=BLUE if kind != "uniform" else ORANGE)
        .encode(
            x=alt.X("lo:Q", title=t("learn.4.weight"), scale=alt.Scale(domain=[-lim, lim])),
            x2="hi:Q",
            y=alt.Y("count:Q", title=t("learn.4.count")),
            y2=alt.datum(0),
        )
    )
    marks = (
        alt.Chart(pd.DataFrame({"v": [-spread, spread]}))
        .mark_rule(color=RED, strokeWidth=2)
        .encode(x="v:Q")
    )
    st.altair_chart(
        alt.layer(bars, marks).properties(height=HEIGHT, width="container"), width="stretch"
    )
    if kind == "normal":
        st.markdown(t("learn.4.normal", s=f"{spread:.4f}", m=f"{w.std():.4f}"))
    elif kind == "uniform":
        st.markdown(
            t("learn.4.uniform", s=f"{spread:.4f}", lo=f"{w.min():.4f}", hi=f"{w.max():.4f}")
        )
    else:
        st.markdown(t("learn.4.zeros"))
    st.caption(t("learn.4.caption", n=f"{w.size:,}", i=fan_in, o=fan_out))


def section_5(pages: dict) -> None:
    st.markdown(t("learn.5.text"))
    _heading("learn.formulas")
    st.latex(GD_TEX)
    st.caption(t("learn.5.batch"))
    name = st.segmented_control(
        t("learn.5.pick"),
        optimizers.NAMES,
        default="adam",
        required=True,
        format_func=option_label,
        key="learn_5_opt",
    )
    st.latex(OPTIMIZER_TEX[name])
    if name == "adamw":
        st.caption(t("learn.5.adamw"))
    defaults = ", ".join(f"{k} = {v}" for k, v in optimizers.DEFAULTS[name].items())
    st.caption(t("learn.5.defaults", defaults=defaults or "—"))
    _heading("learn.picture")
    lr = st.select_slider(
        t("learn.5.lr"), (0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0, 1.05), 0.3, key="learn_5_lr"
    )
    w = gd_path(lr)
    curve_w = np.linspace(-1.6, 1.6, 161)
    bowl = (
        alt.Chart(pd.DataFrame({"w": curve_w, "L": curve_w**2}))
        .mark_line(color=GREY)
        .encode(
            x=alt.X(
                "w:Q",
                title=t("learn.5.weight"),
                scale=alt.Scale(domain=[-1.6, 1.6], clamp=True, nice=False),
            ),
            y=alt.Y("L:Q", title=t("learn.5.loss"), scale=alt.Scale(domain=[0, 2.6], clamp=True)),
        )
    )
    path = pd.DataFrame({"w": w, "L": w**2, "step": range(len(w))})
    walk = (
        alt.Chart(path)
        .mark_line(point=alt.OverlayMarkDef(color=RED), color=RED)
        .encode(
            x="w:Q", y="L:Q", order="step:Q", tooltip=["step:Q", alt.Tooltip("w:Q", format=".3f")]
        )
    )
    st.altair_chart(
        alt.layer(bowl, walk).properties(height=HEIGHT, width="container"), width="stretch"
    )
    st.caption(t("learn.5.steps_caption"))
    st.info(t("learn.5.lab"), icon=":material/explore:")
    if pages.get("optimizer_lab") is not None:
        st.page_link(
            pages["optimizer_lab"], label=t("learn.5.lab_link"), icon=":material/arrow_forward:"
        )


def _sweep_chart(df: pd.DataFrame, field: str, title_key: str) -> alt.Chart:
    return (
        alt.Chart(df)
        .mark_line(point=True, strokeWidth=2.5)
        .encode(
            x=alt.X(f"{field}:O", title=t(title_key), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("accuracy:Q", title=t("learn.accuracy"), scale=alt.Scale(domain=[0.4, 1.0])),
            color=alt.Color(
                "split:N",
                scale=alt.Scale(domain=["train", "test"], range=[BLUE, ORANGE]),
                legend=alt.Legend(
                    title=t("learn.split"),
                    labelExpr=f"datum.label == 'train' ? '{t('learn.train')}' : '{t('learn.test')}'",
                ),
            ),
        )
        .properties(height=240, width="container")
    )


def section_6(pages: dict) -> None:
    st.markdown(t("learn.6.text"))
    _heading("learn.formulas")
    st.latex(RULES_TEX)
    _heading("learn.6.rules")
    rules = [
        (t("learn.6.rule.between"), "1 – 2"),
        (t("learn.6.rule.two_thirds"), "2/3 · 2 + 1 ≈ 2.3"),
        (t("learn.6.rule.twice"), "< 4"),
    ]
    st.table(
        pd.DataFrame(rules, columns=[t("learn.6.rule"), t("learn.6.nodes")]).set_index(
            t("learn.6.rule")
        )
    )
    _heading("learn.picture")
    dataset = st.segmented_control(
        t("learn.dataset"),
        ("circles", "xor", "spiral"),
        default="circles",
        required=True,
        format_func=option_label,
        key="learn_6_data",
    )
    with st.spinner():
        df = sweep(dataset, "width", (1, 2, 3, 4, 6, 8))
    st.altair_chart(_sweep_chart(df, "width", "learn.6.width"), width="stretch")
    st.caption(t("learn.6.sweep", dataset=option_label(dataset)))


def section_7(pages: dict) -> None:
    st.markdown(t("learn.7.text"))
    _heading("learn.formulas")
    st.latex(r"P = \sum_{l=1}^{L} (n_{l-1} + 1)\, n_l")
    _heading("learn.picture")
    dataset = st.segmented_control(
        t("learn.dataset"),
        ("spiral", "circles", "xor"),
        default="spiral",
        required=True,
        format_func=option_label,
        key="learn_7_data",
    )
    with st.spinner():
        df = sweep(dataset, "depth", (0, 1, 2, 3, 4))
    st.altair_chart(_sweep_chart(df, "depth", "learn.7.depth"), width="stretch")
    st.caption(t("learn.7.sweep", dataset=option_label(dataset)))
    counts = " · ".join(t("learn.7.layers", d=d, n=n_params((8,) * d)) for d in range(5))
    st.caption(t("learn.7.params", list=counts))


def section_backprop(pages: dict) -> None:
    st.markdown(t("learn.backprop.text"))
    for n, tex in enumerate(BACKPROP_TEX, start=1):
        st.markdown(t(f"learn.backprop.s{n}"))
        st.latex(tex)
    if pages.get("backprop") is not None:
        st.info(t("learn.backprop.page"), icon=":material/school:")
        st.page_link(
            pages["backprop"], label=t("learn.backprop.link"), icon=":material/arrow_forward:"
        )


def section_gradients(pages: dict) -> None:
    st.markdown(t("learn.gradients.text"))
    _heading("learn.formulas")
    st.latex(GRADIENT_TEX)
    _heading("learn.picture")
    c1, c2, c3, c4 = st.columns(4)
    act = c1.selectbox(
        t("learn.gradients.activation"),
        ("sigmoid", "tanh", "relu", "leaky_relu", "elu"),
        format_func=option_label,
        key="learn_g_act",
    )
    scale = c2.select_slider(
        t("learn.gradients.scale"),
        sidebar.INIT_SCALE_OPTIONS,
        0.1,
        format_func=sidebar.fmt,
        key="learn_g_scale",
    )
    depth = c3.slider(t("learn.gradients.depth"), 1, 6, 6, key="learn_g_depth")
    width = c4.select_slider(t("learn.gradients.width"), (8, 16, 32), 8, key="learn_g_width")
    init = "he_normal" if act in ("relu", "leaky_relu") else "glorot_uniform"
    norms = gradient_norms(act, scale, depth, width, init)
    df = pd.DataFrame({"layer": np.arange(1, len(norms) + 1), "norm": np.maximum(norms, 1e-30)})
    st.altair_chart(
        alt.Chart(df)
        .mark_line(point=alt.OverlayMarkDef(size=80), strokeWidth=2.5, color=BLUE)
        .encode(
            x=alt.X("layer:O", title=t("learn.gradients.layer"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "norm:Q",
                title=t("learn.gradients.norm"),
                scale=alt.Scale(type="log"),
                axis=alt.Axis(format=".0e", tickCount=6),
            ),
            tooltip=["layer:O", alt.Tooltip("norm:Q", format=".2e")],
        )
        .properties(height=HEIGHT, width="container"),
        width="stretch",
    )
    ratio = norms[0] / norms[-1] if norms[-1] > 0 else float("nan")
    st.metric(t("learn.gradients.ratio"), f"{ratio:.1e}")
    if ratio < VANISH_RATIO:
        st.warning(t("learn.gradients.vanishing"), icon=":material/trending_down:")
    elif ratio > EXPLODE_RATIO:
        st.warning(t("learn.gradients.exploding"), icon=":material/trending_up:")
    elif ratio > 10:
        st.info(t("learn.gradients.growing", ratio=f"{ratio:.0f}"), icon=":material/trending_up:")
    else:
        st.success(t("learn.gradients.healthy"), icon=":material/check_circle:")
    st.caption(t("learn.gradients.caption", init=option_label(init)))


RENDER = {
    "1": section_1, "2": section_2, "3": section_3, "4": section_4, "5": section_5,
    "6": section_6, "7": section_7, "backprop": section_backprop, "gradients": section_gradients,
}  # fmt: skip


def render(
    playground_page: st.Page | None = None,
    optimizer_lab_page: st.Page | None = None,
    backprop_page: st.Page | None = None,
) -> None:
    """The Learn page. The page objects are those registered in streamlit_app.py: "Try it"
    switches to `playground_page` (by default a page with url_path "playground"); the others
    are linked from ⑤ and from back-propagation when given."""
    st.title(t("learn.title"))
    st.caption(t("learn.intro"))
    section = st.segmented_control(
        t("learn.pick"),
        SECTIONS,
        default="1",
        required=True,
        format_func={s: t(f"learn.sec.{s}") for s in SECTIONS}.get,  # labels of this run
        key="learn_section",
    )
    st.subheader(t(f"learn.sec.{section}"))
    RENDER[section]({"optimizer_lab": optimizer_lab_page, "backprop": backprop_page})
    _try_it(section, playground_page)
